import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, send } from '../../api';
import { formatDate } from '../../format';
import { has, useSession } from '../../session';
import { ClosureRequests, IncomingTransfers } from './pending';

type WorkItem = { id: string; caseId: string; caseCode: string; kind: string; dueAt: string; overdue: boolean };
type Note = {
  id: string;
  kind: string;
  caseId: string | null;
  caseCode: string | null;
  createdAt: string;
  read: boolean;
};

const caseLink = (id: string | null, code: string | null) =>
  id && code ? (
    <Anchor component={Link} to={`/cases/${id}`}>
      {code}
    </Anchor>
  ) : null;

/** A table of open tasks with their case, what is due and whether it is overdue. */
function Tasks({ items }: { items: WorkItem[] }) {
  const { t } = useTranslation();
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cases.code')}</Table.Th>
          <Table.Th>{t('work.task')}</Table.Th>
          <Table.Th>{t('cases.due')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((w) => (
          <Table.Tr key={w.id}>
            <Table.Td>{caseLink(w.caseId, w.caseCode)}</Table.Td>
            <Table.Td>{t(`htcds.tasks.${w.kind}`, { defaultValue: t('work.followUp') })}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {formatDate(w.dueAt)}
                {w.overdue && <Badge color="red">{t('work.overdue')}</Badge>}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** My work: my open tasks (soonest first, overdue marked) and my notifications, which I can mark read. */
export function MyWork() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const work = useQuery({ queryKey: ['me', 'work'], queryFn: () => api<WorkItem[]>('/api/me/work') });
  const notes = useQuery({ queryKey: ['me', 'notifications'], queryFn: () => api<Note[]>('/api/me/notifications') });
  const { data: session } = useSession();
  const supervisor = has(session, 'cases:approve');
  const overdue = useQuery({
    queryKey: ['supervision', 'overdue'],
    queryFn: () => api<WorkItem[]>('/api/supervision/overdue'),
    enabled: supervisor,
  });
  const read = useMutation({
    mutationFn: (id: string) => send(`/api/me/notifications/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'notifications'] }),
  });
  return (
    <Stack>
      <Title order={1}>{t('work.title')}</Title>
      <Title order={2} size="h3">
        {t('work.tasks')}
      </Title>
      {work.data?.length === 0 && <Text c="dimmed">{t('work.noTasks')}</Text>}
      {!!work.data?.length && <Tasks items={work.data} />}
      <IncomingTransfers />
      {supervisor && <ClosureRequests />}
      {supervisor && (
        <>
          <Title order={2} size="h3">
            {t('work.overdueBoard')}
          </Title>
          {overdue.data?.length === 0 && <Text c="dimmed">{t('work.noOverdue')}</Text>}
          {!!overdue.data?.length && <Tasks items={overdue.data} />}
        </>
      )}
      <Title order={2} size="h3">
        {t('work.notifications')}
      </Title>
      {notes.data?.length === 0 && <Text c="dimmed">{t('work.noNotifications')}</Text>}
      {notes.data?.map((n) => (
        <Group key={n.id} justify="space-between">
          <Text size="sm" fw={n.read ? 400 : 700}>
            {t(`work.kinds.${n.kind}`, { defaultValue: t('work.kinds.other') })} {caseLink(n.caseId, n.caseCode)} ·{' '}
            {formatDate(n.createdAt)}
          </Text>
          {!n.read && (
            <Button size="compact-xs" variant="subtle" onClick={() => read.mutate(n.id)}>
              {t('work.markRead')}
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}
