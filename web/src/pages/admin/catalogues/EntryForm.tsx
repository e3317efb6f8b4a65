import { Alert, Button, Checkbox, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CatalogueList, readByKey } from '../../../../../src/modules/catalogues/vocabulary';
import { ApiError, type ApiResponse, client, ok } from '../../../api';
import { type DataDraft, DataInputs, dataToSend, defaultData, draftOf } from './data';

export type Entry = ApiResponse<'/api/catalogues/{list}'>[number];
const p = 'admin.catalogues';

/** Server field problems by where they are (`key`, `labels.es`, `source`, `data.reviewDays`…). */
function fieldErrors(e: unknown): Record<string, string> {
  const fields =
    e instanceof ApiError ? (e.body.fields as { path: string; message?: string }[] | undefined) : undefined;
  const out: Record<string, string> = {};
  for (const f of fields ?? []) out[f.path.replace(/^body\./, '')] ??= f.message ?? (e as Error).message;
  return out;
}

/**
 * Adds an entry to a list (when `entry` is absent) or changes one: labels in three languages, the legal source, the
 * list's numbers, its place in the list and whether it may still be chosen. Only what changed is sent.
 */
export function EntryForm({
  list,
  entry,
  nextOrder,
  onDone,
  onCancel,
}: {
  list: CatalogueList;
  entry?: Entry;
  nextOrder: number;
  onDone: (e: Entry) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [labels, setLabels] = useState({
    es: entry?.labels.es ?? '',
    en: entry?.labels.en ?? '',
    'qu-EC': entry?.labels['qu-EC'] ?? '',
  });
  const [source, setSource] = useState(entry?.source ?? '');
  const [data, setData] = useState<DataDraft>(entry ? draftOf(list, entry.data) : defaultData(list, nextOrder));
  const [position, setPosition] = useState<number | string>(entry?.position ?? '');
  const [active, setActive] = useState(entry?.active ?? true);
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      entry
        ? ok(
            client.PATCH('/api/catalogues/{list}/{entry}', {
              params: { path: { list, entry: entry.key } },
              body: body as never,
            }),
          )
        : ok(client.POST('/api/catalogues/{list}', { params: { path: { list } }, body: body as never })),
    onSuccess: onDone,
  });
  const server = fieldErrors(save.error);
  const errors = { ...server, ...local };
  const unplaced = save.error && !Object.keys(server).length ? save.error.message : null;

  const submit = () => {
    const problems: Record<string, string> = {};
    if (!entry && !/^[a-z][a-z0-9_]{1,39}$/.test(key)) problems.key = t(`${p}.keyHelp`);
    if (!labels.es.trim()) problems['labels.es'] = t(`${p}.required`);
    if (!source.trim()) problems.source = t(`${p}.required`);
    const d = dataToSend(list, data, t);
    if ('problems' in d) Object.assign(problems, d.problems);
    setLocal(problems);
    if (Object.keys(problems).length || !('data' in d)) return;
    const pos = position === '' ? undefined : Number(position);
    if (!entry) {
      const given = Object.fromEntries(Object.entries(labels).filter(([, v]) => v.trim()));
      save.mutate({ key, labels: given, source, data: d.data, ...(pos ? { position: pos } : {}) });
      return;
    }
    // Only what changed: an emptied English or Kichwa label goes back to the shipped one.
    const changedLabels = Object.fromEntries(
      (['es', 'en', 'qu-EC'] as const)
        .filter((l) => labels[l].trim() !== entry.labels[l])
        .map((l) => [l, labels[l].trim() || null]),
    );
    save.mutate({
      ...(Object.keys(changedLabels).length ? { labels: changedLabels } : {}),
      ...(source.trim() !== entry.source ? { source } : {}),
      ...(JSON.stringify(d.data) !== JSON.stringify(entry.data) ? { data: d.data } : {}),
      ...(pos && pos !== entry.position ? { position: pos } : {}),
      ...(active !== entry.active ? { active } : {}),
    });
  };

  const label = (l: 'es' | 'en' | 'qu-EC', name: string) => (
    <TextInput
      label={t(`${p}.${name}`)}
      description={l === 'es' ? undefined : t(`${p}.labelHelp`)}
      value={labels[l]}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setLabels((x) => ({ ...x, [l]: v }));
      }}
      error={errors[`labels.${l}`]}
      required={l === 'es'}
      maxLength={200}
    />
  );
  return (
    // Field errors in red 9 (Mantine's default red 6 is under WCAG AA's 4.5:1 on white).
    <Stack gap="sm" style={{ '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties}>
      {!entry && (
        <TextInput
          label={t(`${p}.key`)}
          description={t(`${p}.keyHelp`)}
          value={key}
          onChange={(e) => setKey(e.currentTarget.value.trim())}
          error={errors.key}
          required
          maxLength={40}
          autoCapitalize="none"
          spellCheck={false}
        />
      )}
      {label('es', 'labelEs')}
      {label('en', 'labelEn')}
      {label('qu-EC', 'labelQu')}
      <TextInput
        label={t(`${p}.source`)}
        description={t(`${p}.sourceHelp`)}
        value={source}
        onChange={(e) => setSource(e.currentTarget.value)}
        error={errors.source}
        required
        maxLength={300}
      />
      <DataInputs list={list} value={data} onChange={setData} errors={errors} />
      <NumberInput
        label={t(`${p}.position`)}
        value={position}
        onChange={setPosition}
        min={1}
        max={999}
        allowDecimal={false}
        allowNegative={false}
        error={errors.position}
      />
      {entry && !readByKey.includes(list) && (
        <Checkbox
          label={t(`${p}.activeLabel`)}
          description={t(`${p}.activeHelp`)}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
          error={errors.active}
        />
      )}
      {unplaced && (
        <Alert color="red" role="alert">
          {unplaced}
        </Alert>
      )}
      {save.isSuccess && (
        <Text role="status" size="sm">
          {t(`${p}.saved`)}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t(`${p}.cancel`)}
        </Button>
        <Button onClick={submit} loading={save.isPending}>
          {t(`${p}.save`)}
        </Button>
      </Group>
    </Stack>
  );
}
