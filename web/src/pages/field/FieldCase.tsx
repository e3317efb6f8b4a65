import { Alert, Anchor, Badge, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { formatDateTime } from '../../format';
import { localCaseView } from '../../offline/draft-view';
import { useFieldStatus } from '../../offline/status';
import { type CaseDetail, caseOnDevice, enqueue, isTemp, type QueuedOp, queued, realIdOf } from '../../offline/store';
import { offlineTransport } from '../../offline/transport';
import { CaseView } from '../cases/CasePage';
import { Section } from '../cases/sections';
import { CaseTransportContext } from '../cases/transport';

/** A case on the field device: the same case page, with only what works offline, and what waits to be sent. */
export function FieldCase() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const status = useFieldStatus();
  const [c, setC] = useState<CaseDetail | null | undefined>(undefined);
  const [ops, setOps] = useState<QueuedOp[]>([]);
  const [moved, setMoved] = useState<string | null>(null);
  const load = useCallback(async () => {
    if (isTemp(id)) {
      // Sent meanwhile: the real case replaces it (an old link still finds it).
      const real = await realIdOf(id);
      if (real && (await caseOnDevice(real))) return setMoved(real);
      setC(await localCaseView(id));
    } else setC(await caseOnDevice(id));
    setOps(await queued(id));
  }, [id]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again when the queue or the copy changes
  useEffect(() => {
    void load();
  }, [load, status.waiting, status.lastSync]);
  if (moved) return <Navigate to={`/field/cases/${moved}`} replace />;
  if (c === undefined) return null;
  if (!c) return <Alert color="orange">{t('field.notOnDevice')}</Alert>;
  const waiting = <Waiting ops={ops} />;
  const photos = <Photos caseRef={id} onAdded={() => void load()} />;
  return (
    <CaseTransportContext.Provider value={offlineTransport}>
      <CaseView
        c={c}
        saved={(x) => {
          setC(x);
          void load();
        }}
        header={<Header c={c} waiting={waiting} local={isTemp(id)} />}
        field={photos}
      />
    </CaseTransportContext.Provider>
  );
}

function Header({ c, waiting, local }: { c: CaseDetail; waiting: React.ReactNode; local: boolean }) {
  const { t } = useTranslation();
  const { online } = useNetwork();
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>
          {c.code} ·{' '}
          {[c.person.prs_FirstName, c.person.prs_SecondName].filter(Boolean).join(' ') || t('record.unnamed')}
        </Title>
        <Group gap="xs">
          <Badge variant="filled" color="teal.9">
            {t(`htcds.cas_Status.${c.status}`)}
          </Badge>
          {c.isMinor && (
            <Badge variant="filled" color="red.9">
              {t('cases.minor')}
            </Badge>
          )}
        </Group>
      </Group>
      <Group gap="sm">
        <Anchor component={Link} to="/field" size="sm">
          {t('field.backToField')}
        </Anchor>
        {online && !local && (
          <Anchor component={Link} to={`/cases/${c.id}`} size="sm">
            {t('field.openOnline')}
          </Anchor>
        )}
      </Group>
      {local && <Alert color="blue">{t('field.newCaseWaits')}</Alert>}
      {waiting}
    </Stack>
  );
}

/** The changes of this case still on the device, oldest first. */
function Waiting({ ops }: { ops: QueuedOp[] }) {
  const { t } = useTranslation();
  if (!ops.length) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="waiting-title">
      <Text id="waiting-title" fw={700} size="sm">
        {t('field.waitingTitle', { count: ops.length })}
      </Text>
      <Stack gap={2} component="ul" style={{ paddingLeft: '1.2em', margin: 0 }}>
        {ops.map((op) => (
          <Text component="li" key={op.seq} size="sm">
            {t(`field.what.${op.what}`)} · {formatDateTime(op.at)}
            {op.state !== 'waiting' && ` · ${t(`field.state.${op.state}`)}`}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

/** A photo of a document, kept sealed on the device and attached to the case at the next sync (cleaned there). */
function Photos({ caseRef, onAdded }: { caseRef: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const add = async () => {
    if (!file) return;
    await enqueue(
      {
        caseRef,
        what: 'photo',
        method: 'POST',
        path: '/files',
        file: { name: file.name, type: file.type, size: file.size },
      },
      file,
    );
    setFile(null);
    onAdded();
  };
  return (
    <Section title={t('field.photoTitle')}>
      <Stack>
        <Text size="sm">{t('field.photoHelp')}</Text>
        <Group align="end">
          <FileInput
            label={t('field.photo')}
            placeholder={t('field.photoPick')}
            // The default placeholder grey is under AA contrast; this one says what to do, so it must be read.
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            miw={220}
            accept="image/jpeg,image/png"
            capture="environment"
            value={file}
            onChange={setFile}
            clearable
          />
          <Button disabled={!file} onClick={() => void add()}>
            {t('field.keepPhoto')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
