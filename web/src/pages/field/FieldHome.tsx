import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../format';
import { setFieldStatus, useFieldStatus } from '../../offline/status';
import {
  allCases,
  type CaseDetail,
  type LocalCase,
  localCases,
  type QueuedOp,
  queued,
  refreshStatus,
} from '../../offline/store';
import { lastReport, type SyncReport, syncNow } from '../../offline/sync';
import { lockNow, useVault, wipe } from '../../offline/vault';
import { useSession } from '../../session';
import { FieldStudies } from '../studies/collect/FieldStudies';
import { Setup, Unlock } from './access';
import { ConflictCard, RefusedCard } from './conflicts';
import { SyncReportView } from './report';

/** What the device holds, opened: cases, new cases, waiting changes, conflicts and the last sync. */
interface Held {
  cases: CaseDetail[];
  local: LocalCase[];
  ops: QueuedOp[];
  report: SyncReport | null;
}

/**
 * The field home: set up the offline copy, unlock it, or (open) see what is on the device and what waits to be
 * sent, resolve conflicts, sync, lock or erase it.
 */
export function FieldHome() {
  const { t } = useTranslation();
  const vault = useVault();
  const status = useFieldStatus();
  const notice = status.erased && (
    <Alert
      color="orange"
      withCloseButton
      onClose={() => setFieldStatus({ erased: null })}
      closeButtonLabel={t('record.close')}
    >
      {t(`field.erased.${status.erased}`)}
    </Alert>
  );
  return (
    <Stack>
      {notice}
      {vault.status === 'absent' && <Setup />}
      {vault.status === 'locked' && <Unlock vault={vault} />}
      {vault.status === 'open' && <Overview />}
    </Stack>
  );
}

function Overview() {
  const { t } = useTranslation();
  const { online } = useNetwork();
  const status = useFieldStatus();
  const vault = useVault();
  const { data: session } = useSession();
  // An interviewer keeps only study interviews: no new case. Offline (no session known) the button stays; the server decides.
  const mayOpenCases = !session || session.user.permissions.includes('cases:write');
  const [held, setHeld] = useState<Held | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [erasing, setErasing] = useState(false);
  const load = useCallback(async () => {
    await refreshStatus();
    setHeld({ cases: await allCases(), local: await localCases(), ops: await queued(), report: await lastReport() });
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the copy is read again after each sync and change
  useEffect(() => {
    void load();
  }, [load, status.lastSync, status.waiting, status.conflicts]);
  const sync = async () => {
    setSyncing(true);
    await syncNow().catch(() => undefined);
    setSyncing(false);
    await load();
  };
  if (!held) return null;
  const code = (ref: string) =>
    held.cases.find((c) => c.id === ref)?.code ?? held.local.find((c) => c.tempId === ref)?.code ?? '';
  const waitingFor = (ref: string) => held.ops.filter((o) => o.caseRef === ref && o.state === 'waiting').length;
  const blocked = (ref: string) => held.ops.some((o) => o.caseRef === ref && o.state !== 'waiting');
  const conflicts = held.ops.filter((o) => o.state === 'conflict');
  const refused = held.ops.filter((o) => o.state === 'refused');
  return (
    <Stack>
      <Title order={1}>{t('field.homeTitle')}</Title>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Fact label={t('field.connection')} value={online ? t('field.online') : t('field.offline')} />
          <Fact label={t('field.waiting')} value={String(status.waiting)} />
          <Fact
            label={t('field.lastSync')}
            value={status.lastSync ? formatDateTime(status.lastSync) : t('field.never')}
          />
          <Fact label={t('field.casesHeld')} value={String(held.cases.length + held.local.length)} />
        </SimpleGrid>
        <Group mt="md" gap="xs">
          <Button onClick={() => void sync()} loading={syncing} disabled={!online}>
            {t('field.syncNow')}
          </Button>
          {mayOpenCases && (
            <Button component={Link} to="/field/new" variant="light">
              {t('field.newCase')}
            </Button>
          )}
          <Button variant="default" onClick={lockNow}>
            {t('field.lock')}
          </Button>
          <Button variant="subtle" color="red" onClick={() => setErasing(true)}>
            {t('field.erase')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('field.policy', {
            device: vault.device?.name ?? '',
            minutes: vault.policy?.lockMinutes ?? 10,
            days: vault.policy?.keepDays ?? 14,
          })}
        </Text>
      </Paper>
      <FieldStudies />
      {conflicts.map((op) => (
        <ConflictCard key={op.seq} op={op} code={code(op.caseRef)} onDone={() => void load()} />
      ))}
      {refused.map((op) => (
        <RefusedCard key={op.seq} op={op} code={code(op.caseRef)} onDone={() => void load()} />
      ))}
      <Paper withBorder p="md" component="section" aria-labelledby="on-device">
        <Title order={2} size="h4" id="on-device" mb="sm">
          {t('field.onDevice')}
        </Title>
        {held.cases.length + held.local.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('field.noCases')}
          </Text>
        )}
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {held.local.map((c) => (
            <li key={c.tempId}>
              <Group gap="xs">
                <Anchor component={Link} to={`/field/cases/${c.tempId}`}>
                  {c.code} · {c.body.person?.prs_FirstName ?? ''} {c.body.person?.prs_SecondName ?? ''}
                </Anchor>
                <Badge color="blue">{t('field.newOnDevice')}</Badge>
              </Group>
            </li>
          ))}
          {held.cases.map((c) => (
            <li key={c.id}>
              <Group gap="xs">
                <Anchor component={Link} to={`/field/cases/${c.id}`}>
                  {c.code} · {c.person.prs_FirstName} {c.person.prs_SecondName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {c.division.label}
                </Text>
                {waitingFor(c.id) > 0 && (
                  <Badge color="blue">{t('field.waitingCount', { count: waitingFor(c.id) })}</Badge>
                )}
                {blocked(c.id) && <Badge color="orange">{t('field.needsYou')}</Badge>}
              </Group>
            </li>
          ))}
        </Stack>
        <Text size="xs" c="dimmed" mt="sm">
          {t('field.markHelp')}
        </Text>
      </Paper>
      {held.report && <SyncReportView report={held.report} />}
      <Modal opened={erasing} onClose={() => setErasing(false)} title={t('field.eraseTitle')}>
        <Stack>
          <Text size="sm">{t('field.eraseHelp', { count: status.waiting })}</Text>
          <Group>
            <Button color="red" onClick={() => void wipe('by_person')}>
              {t('field.erase')}
            </Button>
            <Button variant="default" onClick={() => setErasing(false)}>
              {t('record.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" fw={700}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}
