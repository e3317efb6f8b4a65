import { Alert, Badge, Button, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../../api';
import { WideTable } from '../../../components/WideTable';
import { formatDate } from '../../../format';
import { type Schedule, ScheduleForm } from './ScheduleForm';

const p = 'admin.retention';

/**
 * Administration → Retention: how long each type of record is kept, the warning before, what happens then (editable),
 * and the records the retention job has warned about or found held.
 */
export function Retention() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Schedule | null>(null);
  const schedules = useQuery({
    queryKey: ['retention', 'schedules'],
    queryFn: () => ok(client.GET('/api/retention/schedules')),
  });
  const upcoming = useQuery({
    queryKey: ['retention', 'upcoming'],
    queryFn: () => ok(client.GET('/api/retention/upcoming')),
  });
  const period = (s: Schedule) =>
    s.days !== null ? t(`${p}.days`, { count: s.days }) : t(`${p}.months`, { count: s.months ?? 0 });
  return (
    <Stack maw={1000}>
      <Text>{t(`${p}.intro`)}</Text>
      {schedules.error && <Alert color="red">{schedules.error.message}</Alert>}
      {schedules.data && (
        <WideTable minWidth={720}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`${p}.columns.type`)}</Table.Th>
                <Table.Th>{t(`${p}.columns.period`)}</Table.Th>
                <Table.Th>{t(`${p}.columns.warning`)}</Table.Th>
                <Table.Th>{t(`${p}.columns.action`)}</Table.Th>
                <Table.Th>{t(`${p}.columns.actions`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {schedules.data.map((s) => (
                <Table.Tr key={s.recordType}>
                  <Table.Td>{t(`${p}.types.${s.recordType}`)}</Table.Td>
                  <Table.Td>{period(s)}</Table.Td>
                  <Table.Td>{t(`${p}.days`, { count: s.warningDays })}</Table.Td>
                  <Table.Td>
                    {t(`${p}.actions.${s.action}`)}
                    {s.kept && (
                      <Text size="xs" c="dimmed">
                        {t(`${p}.keptReason`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {s.days !== null ? (
                      <Text size="xs" c="dimmed">
                        {t(`${p}.configured`)}
                      </Text>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => setEditing(s)}
                        aria-label={t(`${p}.editOne`, { type: t(`${p}.types.${s.recordType}`) })}
                      >
                        {t(`${p}.edit`)}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
      <Title order={2} size="h3">
        {t(`${p}.upcoming.title`)}
      </Title>
      <Text size="sm" c="dimmed">
        {t(`${p}.upcoming.intro`)}
      </Text>
      {upcoming.error && <Alert color="red">{upcoming.error.message}</Alert>}
      {upcoming.data && !upcoming.data.length && <Text c="dimmed">{t(`${p}.upcoming.none`)}</Text>}
      {upcoming.data && upcoming.data.length > 0 && (
        <WideTable minWidth={560}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`${p}.upcoming.case`)}</Table.Th>
                <Table.Th>{t(`${p}.upcoming.record`)}</Table.Th>
                <Table.Th>{t(`${p}.upcoming.dueOn`)}</Table.Th>
                <Table.Th>{t(`${p}.upcoming.state`)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {upcoming.data.map((u) => (
                <Table.Tr key={`${u.recordType}-${u.caseId}-${u.dueOn}`}>
                  <Table.Td>{u.caseCode ?? t(`${p}.upcoming.noCase`)}</Table.Td>
                  <Table.Td>{t(`${p}.types.${u.recordType}`)}</Table.Td>
                  <Table.Td>{formatDate(u.dueOn)}</Table.Td>
                  <Table.Td>
                    <Badge color={u.held ? 'gray' : 'orange'} variant="light">
                      {u.held ? t(`${p}.upcoming.held`) : t(`${p}.upcoming.warned`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t(`${p}.editOne`, { type: t(`${p}.types.${editing.recordType}`) }) : ''}
        closeButtonProps={{ 'aria-label': t(`${p}.cancel`) }}
      >
        {editing && (
          <ScheduleForm
            key={editing.recordType}
            schedule={editing}
            onCancel={() => setEditing(null)}
            onDone={() => {
              setEditing(null);
              void qc.invalidateQueries({ queryKey: ['retention'] });
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
