import { Alert, Button, CloseButton, Code, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActionKeys } from '../../../../src/shared/i18n/audit-labels';
import { type ApiResponse, client, ok } from '../../api';
import { auditKeys } from '../../api/keys';
import { WideTable } from '../../components/WideTable';
import { formatDatesIn, formatDateTime } from '../../format';

type VerifyResult = ApiResponse<'/api/audit/verify'>;
type Entry = ApiResponse<'/api/audit'>[number];

// The record types an entry can point at, offered in the filter by their labels.
const recordTypes = [
  'case',
  'person',
  'report',
  'user',
  'organisation',
  'role',
  'session',
  'device',
  'local_plan',
  'agreement',
  'sharing_agreement',
  'provider',
  'htcds_import',
  'insights',
  'translations',
];

/** The outcome of a chain check: intact with its signed checkpoints, or the first changed entry and forged checkpoints. */
function Verification({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  const cp = result.checkpoints;
  const b = result.firstBroken;
  return (
    <Alert color={result.ok ? 'green' : 'red'} role="status">
      <Stack gap={4}>
        {b ? (
          <Text size="sm">
            {t('admin.chainBrokenAt', { id: b.id, at: b.at ? formatDateTime(b.at) : '—' })}{' '}
            {t(`admin.chainProblem.${b.code}`)}
          </Text>
        ) : (
          <Text size="sm">{t('admin.chainOk', { count: result.checked })}</Text>
        )}
        {result.legacy > 0 && <Text size="sm">{t('admin.chainLegacy', { count: result.legacy })}</Text>}
        <Text size="sm">
          {cp.latest
            ? t('admin.checkpointsOk', {
                count: cp.checked,
                entry: cp.latest.entryId,
                at: formatDateTime(cp.latest.signedAt),
              })
            : t('admin.checkpointsNone')}
        </Text>
        {cp.problems.map((p) => (
          <Text size="sm" key={p.file}>
            {t('admin.checkpointForged', { file: p.file })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

/** Labels for what the trail holds: an action code, a record type, a record, a field key. */
function useAuditLabels() {
  const { t, i18n } = useTranslation();
  const type = (code: string | null) =>
    code && i18n.exists(`audit.types.${code}`) ? t(`audit.types.${code}`) : t('admin.record');
  const action = (code: string) => {
    const k = auditActionKeys(code);
    if (i18n.exists(k.whole)) return t(k.whole);
    if (i18n.exists(k.type) && i18n.exists(k.verb)) return t('audit.actionLabel', { type: t(k.type), verb: t(k.verb) });
    return t('audit.otherAction');
  };
  // A case's code or a person's name when the server found one, else the type's label and a short id.
  const record = (e: Pick<Entry, 'recordType' | 'recordId' | 'recordName'>) =>
    `${type(e.recordType)} ${e.recordName ?? e.recordId?.slice(0, 8) ?? ''}`.trim();
  // Field keys read from the shared HTCDS field labels, section keys from the case sections; others stay as written.
  const field = (key: string) =>
    [`fields.${key}`, `cases.sections.${key}`].map((k) => (i18n.exists(k) ? t(k) : null)).find(Boolean) ?? key;
  return { type, action, record, field };
}

/** The audit trail by record or by person, and a check of its MAC chain against the signed checkpoints. */
export function Audit() {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const [recordType, setRecordType] = useState<string | null>(null);
  const [record, setRecord] = useState<{ id: string; name: string } | null>(null);
  const [actorUserId, setActorUserId] = useState<string | null>(null);
  const applied = { recordType: recordType ?? '', recordId: record?.id ?? '', actorUserId: actorUserId ?? '' };
  const params = new URLSearchParams(Object.entries(applied).filter(([, v]) => v) as [string, string][]);
  const entries = useQuery({
    queryKey: auditKeys.list(params.toString()),
    queryFn: () => ok(client.GET('/api/audit', { params: { query: Object.fromEntries(params) } })),
  });
  const people = useQuery({ queryKey: auditKeys.people(), queryFn: () => ok(client.GET('/api/audit/people')) });
  const verify = useMutation({ mutationFn: () => ok(client.GET('/api/audit/verify')) });
  const typeOptions = recordTypes
    .map((v) => ({ value: v, label: labels.type(v) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const personOptions = (people.data ?? []).map((p) => ({
    value: p.id,
    label: p.organisation ? `${p.name} (${p.organisation})` : p.name,
  }));
  const byRecord = (e: Entry) => {
    setRecordType(e.recordType);
    setRecord(e.recordId ? { id: e.recordId, name: labels.record(e) } : null);
    setActorUserId(null);
  };
  return (
    <Stack>
      <Group align="end">
        <Select
          label={t('admin.recordType')}
          placeholder={t('audit.allTypes')}
          data={typeOptions}
          value={recordType}
          onChange={(v) => {
            setRecordType(v);
            setRecord(null);
          }}
          clearable
        />
        <Select
          label={t('audit.person')}
          placeholder={t('audit.everyone')}
          data={personOptions}
          value={actorUserId}
          onChange={setActorUserId}
          searchable
          clearable
        />
        <Button variant="light" onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('admin.verifyChain')}
        </Button>
      </Group>
      {record && (
        <Group gap="xs">
          <Text size="sm">{t('audit.recordFilter', { record: record.name })}</Text>
          <CloseButton size="sm" aria-label={t('audit.clearRecord')} onClick={() => setRecord(null)} />
        </Group>
      )}
      {verify.data && <Verification result={verify.data} />}
      {entries.error && <Alert color="red">{entries.error.message}</Alert>}
      <WideTable minWidth={900}>
        <Table striped fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('admin.when')}</Table.Th>
              <Table.Th>{t('admin.action')}</Table.Th>
              <Table.Th>{t('admin.record')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('admin.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.data?.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.id}</Table.Td>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{labels.action(e.action)}</Table.Td>
                <Table.Td>
                  {e.recordType || e.recordId ? (
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      aria-label={t('audit.showRecord', { record: labels.record(e) })}
                      onClick={() => byRecord(e)}
                    >
                      {labels.record(e)}
                    </Button>
                  ) : (
                    '—'
                  )}
                  {e.fields && <Text size="xs">{e.fields.split(',').map(labels.field).join(', ')}</Text>}
                </Table.Td>
                <Table.Td>
                  {e.actorUserId ? (
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      aria-label={t('audit.showPerson', { name: e.actorName ?? t('admin.user') })}
                      onClick={() => {
                        setActorUserId(e.actorUserId);
                        setRecord(null);
                        setRecordType(null);
                      }}
                    >
                      {e.actorName ?? `${t('admin.user')} ${e.actorUserId.slice(0, 8)}`}
                    </Button>
                  ) : (
                    <Text size="xs">{t('audit.system')}</Text>
                  )}
                  {e.actorOrganisation && (
                    <Text size="xs" c="dimmed">
                      {e.actorOrganisation}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Code>{formatDatesIn(JSON.stringify(e.details))}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
    </Stack>
  );
}
