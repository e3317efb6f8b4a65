import { Badge, Group, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { planOutcomes, visitOutcomes } from '../../../../../src/modules/returns/vocabulary';
import { type ApiBody, client, ok } from '../../../api';
import { WideTable } from '../../../components/WideTable';
import { formatDate } from '../../../format';
import { DateField, Failure, Submit } from '../kit/form';
import { Opener } from '../kit/opener';
import { type ReturnsView, useReturnsForm } from './shared';

type Plan = NonNullable<ReturnsView['returns'][number]['plan']>;
type Visit = Plan['visits'][number];

const stateColour: Record<Visit['state'], string> = { due: 'blue', done: 'teal', overdue: 'red', cancelled: 'gray' };

/** Records one monitoring visit: its date, outcome and notes. */
function RecordVisit({ caseId, visit }: { caseId: string; visit: Visit }) {
  const { t } = useTranslation();
  const { f, o, w } = useReturnsForm(caseId, { doneOn: '', outcome: '', notes: '' }, (body) =>
    ok(
      client.POST('/api/cases/{id}/returns/visits/{sub}', {
        params: { path: { id: caseId, sub: visit.id } },
        body: body as ApiBody<'/api/cases/{id}/returns/visits/{sub}'>,
      }),
    ),
  );
  return (
    <Opener o={o} label={`${t('returns.plan.record')}: ${t('returns.plan.visit', { count: visit.month })}`}>
      <Stack gap="xs">
        <Group align="end" wrap="wrap">
          <DateField
            w={180}
            label={t('returns.plan.doneOn')}
            value={f.form.doneOn}
            onChange={f.set('doneOn')}
            error={w.at.doneOn}
          />
          <Select
            label={t('returns.plan.outcome')}
            data={visitOutcomes.map((o) => ({ value: o, label: t(`returns.plan.outcomes.${o}`) }))}
            value={f.form.outcome || null}
            onChange={(x) => f.set('outcome')(x ?? '')}
            error={w.at.outcome}
            w={240}
          />
        </Group>
        <Textarea label={t('returns.notes')} autosize {...f.text('notes')} error={w.at.notes} />
        <Failure message={w.general} />
        <Submit
          pending={w.m.isPending}
          disabled={!f.form.doneOn || !f.form.outcome}
          onClick={() => w.m.mutate(undefined)}
        >
          {t('returns.plan.record')}
        </Submit>
      </Stack>
    </Opener>
  );
}

/** Closes the plan with the reintegration's outcome. */
function ClosePlan({ caseId, plan }: { caseId: string; plan: Plan }) {
  const { t } = useTranslation();
  const { f, o, w } = useReturnsForm(caseId, { outcome: '', closedOn: '' }, (body) =>
    ok(
      client.POST('/api/cases/{id}/returns/plans/{sub}/close', {
        params: { path: { id: caseId, sub: plan.id } },
        body: body as ApiBody<'/api/cases/{id}/returns/plans/{sub}/close'>,
      }),
    ),
  );
  return (
    <Opener o={o} label={t('returns.plan.close')}>
      <Stack gap="xs">
        <Group align="end" wrap="wrap">
          <Select
            label={t('returns.plan.closeOutcome')}
            data={planOutcomes.map((o) => ({ value: o, label: t(`returns.plan.outcomes2.${o}`) }))}
            value={f.form.outcome || null}
            onChange={(x) => f.set('outcome')(x ?? '')}
            error={w.at.outcome}
            w={260}
          />
          <DateField
            w={180}
            label={t('returns.plan.closedOn')}
            value={f.form.closedOn}
            onChange={f.set('closedOn')}
            error={w.at.closedOn}
          />
        </Group>
        <Failure message={w.general} />
        <Submit
          pending={w.m.isPending}
          disabled={!f.form.outcome || !f.form.closedOn}
          onClick={() => w.m.mutate(undefined)}
        >
          {t('returns.plan.close')}
        </Submit>
      </Stack>
    </Opener>
  );
}

/** The reintegration plan: its goals, the visits timeline (due, done, overdue) and its closing. */
export function PlanPart({ caseId, plan, writable }: { caseId: string; plan: Plan; writable: boolean }) {
  const { t } = useTranslation();
  const open = plan.status === 'open';
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('returns.plan.title')}</Text>
      <Text size="sm">{t('returns.plan.schedule', { months: plan.months.join(', ') })}</Text>
      {plan.goals && <Text size="sm">{plan.goals}</Text>}
      <WideTable minWidth={480}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('returns.plan.visitColumn')}</Table.Th>
              <Table.Th>{t('returns.plan.due')}</Table.Th>
              <Table.Th>{t('returns.plan.doneOn')}</Table.Th>
              <Table.Th>{t('returns.plan.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.visits.map((x) => (
              <Table.Tr key={x.id} data-visit={x.month} data-state={x.state}>
                <Table.Td>
                  <Group gap={4}>
                    {t('returns.plan.visit', { count: x.month })}
                    <Badge color={stateColour[x.state]} variant="light">
                      {t(`returns.plan.states.${x.state}`)}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>{formatDate(x.dueOn)}</Table.Td>
                <Table.Td>{x.doneOn ? formatDate(x.doneOn) : '—'}</Table.Td>
                <Table.Td>
                  {x.outcome ? t(`returns.plan.outcomes.${x.outcome}`) : '—'}
                  {x.notes && <Text size="xs">{x.notes}</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      {writable &&
        open &&
        plan.visits
          .filter((x) => x.state === 'due' || x.state === 'overdue')
          .slice(0, 1)
          .map((x) => <RecordVisit key={x.id} caseId={caseId} visit={x} />)}
      {!open && plan.outcome && plan.closedOn && (
        <Text size="sm">
          {t('returns.plan.closed', {
            date: formatDate(plan.closedOn),
            outcome: t(`returns.plan.outcomes2.${plan.outcome}`),
          })}
        </Text>
      )}
      {writable && open && <ClosePlan caseId={caseId} plan={plan} />}
    </Stack>
  );
}
