import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ApiResponse, client, ok } from '../../api';
import { workKeys } from '../../api/keys';
import { formatDate } from '../../format';
import { has, useSession } from '../../session';
import { OverdueRequests } from '../rights/OverdueRequests';
import { ClosureRequests, IncomingTransfers, PlansToReview } from './pending';

type WorkItem = ApiResponse<'/api/me/work'>[number];

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
  const work = useQuery({ queryKey: workKeys.work(), queryFn: () => ok(client.GET('/api/me/work')) });
  const notes = useQuery({
    queryKey: workKeys.notifications(),
    queryFn: () => ok(client.GET('/api/me/notifications')),
  });
  const { data: session } = useSession();
  const supervisor = has(session, 'cases:approve');
  const overdue = useQuery({
    queryKey: workKeys.overdue(),
    queryFn: () => ok(client.GET('/api/supervision/overdue')),
    enabled: supervisor,
  });
  const read = useMutation({
    mutationFn: (id: string) => ok(client.POST('/api/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: workKeys.notifications() }),
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
      {supervisor && <PlansToReview />}
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
      {has(session, 'rights:manage') && <OverdueRequests />}
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
