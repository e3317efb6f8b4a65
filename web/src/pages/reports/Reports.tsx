import {
  Alert,
  Badge,
  Button,
  Chip,
  Drawer,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { reportStatuses, spokenReport } from '../../../../src/modules/reports/schema';
import { type ApiBody, type ApiResponse, client, ok } from '../../api';
import { reportKeys } from '../../api/keys';
import { WideTable } from '../../components/WideTable';
import { formatDate, formatDateTime } from '../../format';
import { has, useSession } from '../../session';
import { LanguageBadge, ReplyBox, ReportFiles } from './parts';

type Item = ApiResponse<'/api/reports'>[number];
type ReportStatus = (typeof reportStatuses)[number];
type Act =
  | { path: 'status'; body: ApiBody<'/api/reports/{id}/status'> }
  | { path: 'assign'; body: ApiBody<'/api/reports/{id}/assign'> }
  | { path: 'messages'; body: ApiBody<'/api/reports/{id}/messages'> }
  | { path: 'link-case'; body: ApiBody<'/api/reports/{id}/link-case'> };

/** Runs one triage action on a report. */
function runAct(id: string, act: Act): Promise<unknown> {
  const path = { path: { id } };
  if (act.path === 'status') return ok(client.POST('/api/reports/{id}/status', { params: path, body: act.body }));
  if (act.path === 'assign') return ok(client.POST('/api/reports/{id}/assign', { params: path, body: act.body }));
  if (act.path === 'messages') return ok(client.POST('/api/reports/{id}/messages', { params: path, body: act.body }));
  return ok(client.POST('/api/reports/{id}/link-case', { params: path, body: act.body }));
}

function Flags({ r, language = true }: { r: Item; language?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {r.dangerNow && <Badge color="red">{t('reports.danger')}</Badge>}
      {r.childInvolved && <Badge color="orange">{t('reports.child')}</Badge>}
      {r.awaitingReply && <Badge color="blue">{t('reports.awaiting')}</Badge>}
      {language && r.language !== 'es' && <Badge variant="outline">{t(`reports.languages.${r.language}`)}</Badge>}
      {r.forms.map((f) => (
        <Badge key={f} variant="light">
          {t(`reports.forms.${f}`)}
        </Badge>
      ))}
    </Group>
  );
}

function ReportDrawer({ id, onChanged, onOpen }: { id: string; onChanged: () => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: session } = useSession();
  const [caseCode, setCaseCode] = useState('');
  const detail = useQuery({
    queryKey: reportKeys.detail(id),
    queryFn: () => ok(client.GET('/api/reports/{id}', { params: { path: { id } } })),
  });
  const similar = useQuery({
    queryKey: reportKeys.similar(id),
    queryFn: () => ok(client.GET('/api/reports/{id}/similar', { params: { path: { id } } })),
  });
  const done = () => {
    onChanged();
    return qc.invalidateQueries({ queryKey: reportKeys.detail(id) });
  };
  const navigate = useNavigate();
  const convert = useMutation({
    mutationFn: () => ok(client.POST('/api/reports/{id}/convert', { params: { path: { id } } })),
    onSuccess: (c) => navigate(`/cases/${c.id}`),
  });
  const act = useMutation({
    mutationFn: (act: Act) => runAct(id, act),
    onSuccess: done,
  });
  const r = detail.data;
  if (detail.error) return <Alert color="red">{detail.error.message}</Alert>;
  if (!r) return null;
  return (
    <Stack>
      <Title order={3}>{r.code}</Title>
      <Flags r={r} language={false} />
      <LanguageBadge language={r.language} />
      <Text size="sm" c="dimmed">
        {t('reports.place')}: {r.division.known ? r.division.label : t('reports.noPlace')}{' '}
        {r.placeText && `· ${r.placeText}`}
        {r.occurredMonth && ` · ${r.occurredMonth}`} {r.whenText && `· ${r.whenText}`} ·{' '}
        {t(`reports.channels.${r.channel}`)}
      </Text>
      <Paper withBorder p="sm">
        <Text style={{ whiteSpace: 'pre-wrap' }} lang={r.language}>
          {r.what === spokenReport ? t('reports.spoken') : r.what}
        </Text>
      </Paper>
      <ReportFiles report={r} />
      {r.contact && (
        <Text size="sm">
          {t('reports.contact')}: {r.contact}
        </Text>
      )}
      <Group align="end">
        <Select
          label={t('reports.status')}
          data={reportStatuses.map((s) => ({ value: s, label: t(`reports.statuses.${s}`) }))}
          value={r.status}
          allowDeselect={false}
          onChange={(s) => s && act.mutate({ path: 'status', body: { status: s as ReportStatus } })}
        />
        <Button
          variant="light"
          onClick={() =>
            act.mutate({
              path: 'assign',
              body: { userId: r.assigneeUserId === session?.user.id ? null : (session?.user.id ?? null) },
            })
          }
        >
          {r.assigneeUserId === session?.user.id ? t('reports.unassign') : t('reports.assignMe')}
        </Button>
      </Group>
      <Title order={4}>{t('reports.messages')}</Title>
      {r.messages.length === 0 && <Text size="sm">{t('reports.noMessages')}</Text>}
      {r.messages.map((m) => (
        <Paper key={m.id} withBorder p="xs" bg={m.author === 'staff' ? 'teal.0' : undefined}>
          <Text size="xs" c="dimmed">
            {t(`reports.authors.${m.author}`)} · {formatDateTime(m.createdAt)}
          </Text>
          <Text size="sm" lang={m.author === 'reporter' ? r.language : undefined}>
            {m.body}
          </Text>
        </Paper>
      ))}
      {r.abilities.reply && (
        <ReplyBox
          language={r.language}
          sending={act.isPending}
          onSend={(body, sent) => act.mutate({ path: 'messages', body: { body } }, { onSuccess: sent })}
        />
      )}
      <Group align="end">
        <TextInput
          label={t('reports.caseCode')}
          placeholder="GUA-2027-0042"
          value={caseCode}
          onChange={(e) => setCaseCode(e.currentTarget.value.toUpperCase())}
        />
        <Button
          variant="light"
          disabled={!/^[A-Z]{3}-\d{4}-\d{4}$/.test(caseCode)}
          onClick={() => act.mutate({ path: 'link-case', body: { caseCode } })}
        >
          {t('reports.linkCase')}
        </Button>
      </Group>
      {!r.caseCode && has(session, 'cases:write') && (
        <Button variant="light" w="fit-content" onClick={() => convert.mutate()} loading={convert.isPending}>
          {t('reports.convert')}
        </Button>
      )}
      {r.caseCode && <Badge>{r.caseCode}</Badge>}
      {act.error && <Alert color="red">{act.error.message}</Alert>}
      {similar.data && similar.data.length > 0 && (
        <>
          <Title order={4}>{t('reports.similar')}</Title>
          {similar.data.map((s) => (
            <Group key={s.id} gap="xs">
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => onOpen(s.id)}
                aria-label={t('reports.openSimilar', { code: s.code })}
              >
                {s.code}
              </Button>
              <Text size="sm">
                {formatDate(s.createdAt)} · {s.forms.map((f) => t(`reports.forms.${f}`)).join(', ')}
              </Text>
            </Group>
          ))}
        </>
      )}
      {r.purgesOn && (
        <Text size="xs" c="dimmed">
          {t('reports.purgesOn', { date: formatDate(r.purgesOn) })}
        </Text>
      )}
    </Stack>
  );
}

/** The triage queue of my jurisdiction: status tabs, flags for danger and children, and each report in a drawer. */
export function Reports() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState<string>('new');
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({
    queryKey: reportKeys.list(status),
    queryFn: () =>
      ok(client.GET('/api/reports', { params: { query: status === 'all' ? {} : { status: status as ReportStatus } } })),
  });
  return (
    <Stack>
      <Title order={1}>{t('nav.reports')}</Title>
      {/* Chips wrap on a phone where a segmented control would run off the screen. */}
      <Chip.Group multiple={false} value={status} onChange={setStatus}>
        <Group gap="xs" role="radiogroup" aria-label={t('reports.status')}>
          {[...reportStatuses, 'all' as const].map((s) => (
            <Chip key={s} value={s} variant="outline">
              {s === 'all' ? t('reports.all') : t(`reports.statuses.${s}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.length === 0 && <Text>{t('reports.empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <WideTable minWidth={480}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.code')}</Table.Th>
                <Table.Th>{t('reports.received')}</Table.Th>
                <Table.Th>{t('reports.place')}</Table.Th>
                <Table.Th>{t('reports.flags')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => setOpen(r.id)}>
                      {r.code}
                    </Button>
                  </Table.Td>
                  <Table.Td>{formatDate(r.createdAt)}</Table.Td>
                  <Table.Td>{r.division.known ? r.division.label : t('reports.noPlace')}</Table.Td>
                  <Table.Td>
                    <Flags r={r} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
      <Drawer
        opened={Boolean(open)}
        onClose={() => setOpen(null)}
        position="right"
        size="lg"
        title={t('nav.reports')}
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        {open && (
          <ReportDrawer
            id={open}
            onOpen={setOpen}
            onChanged={() => qc.invalidateQueries({ queryKey: reportKeys.all() })}
          />
        )}
      </Drawer>
    </Stack>
  );
}
