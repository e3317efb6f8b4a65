import { Anchor, FileInput, Group, List, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentTypes, exchangeDirections } from '../../../../../src/modules/returns/vocabulary';
import { type ApiBody, client, multipart, ok } from '../../../api';
import { formatDate } from '../../../format';
import { DateField, Failure, Submit } from '../kit/form';
import { Opener, useOpen } from '../kit/opener';
import { Section } from '../sections';
import { PlaceAbroad, type ReturnsView, useReturnsForm, useReturnsWrite } from './shared';

type Exchange = ReturnsView['exchanges'][number];

/** Foreign authorities and consulates of the directory, for the exchange form. */
function useAuthorities() {
  const get = (kind: 'authority' | 'consulate') => ok(client.GET('/api/directory', { params: { query: { kind } } }));
  return useQuery({
    queryKey: ['directory', 'foreign-authorities'],
    queryFn: async () => [...(await get('authority')), ...(await get('consulate'))],
  });
}

/** Attaches a document to an exchange: the file goes to the case's files (sealed), then is linked with its type. */
function AddDocument({ caseId, exchange }: { caseId: string; exchange: Exchange }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState<string | null>(null);
  const o = useOpen();
  const w = useReturnsWrite(
    caseId,
    async () => {
      const form = new FormData();
      form.append('file', file!);
      const f = await ok(
        client.POST('/api/cases/{id}/files', { params: { path: { id: caseId } }, ...multipart(form) }),
      );
      return ok(
        client.POST('/api/cases/{id}/returns/exchanges/{sub}/documents', {
          params: { path: { id: caseId, sub: exchange.id } },
          body: { fileId: f.id, type: type as ApiBody<'/api/cases/{id}/returns/exchanges/{sub}/documents'>['type'] },
        }),
      );
    },
    () => {
      setFile(null);
      o.hide();
    },
  );
  return (
    <Opener o={o} label={t('returns.documents.add')}>
      <Stack gap="xs">
        <Group align="end" wrap="wrap">
          <FileInput
            label={t('returns.documents.file')}
            accept="application/pdf,image/jpeg,image/png"
            value={file}
            onChange={setFile}
            error={w.at.fileId}
            w={240}
          />
          <Select
            label={t('returns.documents.type')}
            data={documentTypes.map((d) => ({ value: d, label: t(`returns.documents.types.${d}`) }))}
            value={type}
            onChange={setType}
            error={w.at.type}
            w={220}
          />
        </Group>
        <Failure message={w.general} />
        <Submit pending={w.m.isPending} disabled={!file || !type} onClick={() => w.m.mutate(undefined)}>
          {t('returns.documents.add')}
        </Submit>
      </Stack>
    </Opener>
  );
}

/** What the case exchanged with foreign authorities and consulates (received from, referred to), with documents. */
export function Exchanges({ caseId, v, files }: { caseId: string; v: ReturnsView; files: boolean }) {
  const { t } = useTranslation();
  return (
    <Section title={t('returns.exchanges.title')}>
      <Stack>
        {v.exchanges.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('returns.none')}
          </Text>
        )}
        {v.exchanges.map((e) => (
          <Stack key={e.id} gap={4}>
            <Text fw={600}>
              {t(`returns.exchanges.directions.${e.direction}`)} · {e.authority?.name ?? '—'}
            </Text>
            <Text size="sm">
              {formatDate(e.exchangedOn)} · {e.place.label}
              {e.reference && ` · ${t('returns.exchanges.reference')}: ${e.reference}`}
            </Text>
            {e.notes && <Text size="sm">{e.notes}</Text>}
            <Text size="sm" fw={600}>
              {t('returns.documents.title')}
            </Text>
            {e.documents.length ? (
              <List size="sm">
                {e.documents.map((d) => (
                  <List.Item key={d.id}>
                    {t(`returns.documents.types.${d.type}`)}:{' '}
                    {/* The file opens to those who see the case's files (a receiver may see this part only). */}
                    {files ? (
                      <Anchor href={`/api/cases/${caseId}/files/${d.fileId}`}>
                        {d.name ?? t('returns.documents.file')}
                      </Anchor>
                    ) : (
                      (d.name ?? t('returns.documents.file'))
                    )}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                {t('returns.documents.none')}
              </Text>
            )}
            {v.abilities.write && <AddDocument caseId={caseId} exchange={e} />}
          </Stack>
        ))}
        {v.abilities.write && <AddExchange caseId={caseId} />}
      </Stack>
    </Section>
  );
}

function AddExchange({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const authorities = useAuthorities();
  const { f, o, w } = useReturnsForm(
    caseId,
    {
      direction: 'incoming',
      authorityId: '',
      country: '',
      division: '',
      exchangedOn: '',
      reference: '',
      notes: '',
    },
    (b) =>
      ok(
        client.POST('/api/cases/{id}/returns/exchanges', {
          params: { path: { id: caseId } },
          body: { ...b, division: b.division ?? null } as ApiBody<'/api/cases/{id}/returns/exchanges'>,
        }),
      ),
  );
  const pickAuthority = (id: string | null) => {
    const a = authorities.data?.find((x) => x.id === id);
    f.set('authorityId')(id ?? '');
    // The authority's place is the usual answer; it can be changed.
    if (a) {
      f.set('country')(a.country);
      f.set('division')(a.division ?? '');
    }
  };
  return (
    <Opener o={o} label={t('returns.exchanges.add')}>
      <Stack gap="xs">
        <Group align="end" wrap="wrap">
          <Select
            label={t('returns.exchanges.direction')}
            data={exchangeDirections.map((d) => ({ value: d, label: t(`returns.exchanges.directions.${d}`) }))}
            value={f.form.direction}
            onChange={(x) => x && f.set('direction')(x)}
            w={220}
          />
          <Select
            label={t('returns.exchanges.authority')}
            searchable
            data={(authorities.data ?? []).map((a) => ({
              value: a.id,
              label: `${a.name} (${t(`directory.kinds.${a.kind}`)}, ${a.countryLabel})`,
            }))}
            value={f.form.authorityId || null}
            onChange={pickAuthority}
            error={w.at.authorityId}
            w={320}
          />
        </Group>
        <Group align="end" wrap="wrap">
          <PlaceAbroad
            country={f.form.country}
            division={f.form.division}
            onChange={(c, d) => {
              f.set('country')(c);
              f.set('division')(d);
            }}
            errors={{ country: w.at.country, division: w.at.division }}
          />
          <DateField
            w={180}
            label={t('returns.date')}
            value={f.form.exchangedOn}
            onChange={f.set('exchangedOn')}
            error={w.at.exchangedOn}
          />
          <TextInput label={t('returns.exchanges.reference')} {...f.text('reference')} error={w.at.reference} />
        </Group>
        <Textarea label={t('returns.notes')} autosize {...f.text('notes')} error={w.at.notes} />
        <Failure message={w.general} />
        <Submit
          pending={w.m.isPending}
          disabled={!f.form.authorityId || !f.form.country || !f.form.exchangedOn}
          onClick={() => w.m.mutate(undefined)}
        >
          {t('returns.save')}
        </Submit>
      </Stack>
    </Opener>
  );
}
