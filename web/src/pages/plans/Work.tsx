import { Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activityKinds, instrumentKinds, instrumentStatuses } from '../../../../src/modules/plans/schema';
import { EnumSelect } from '../../components/EnumSelect';
import { formatDate } from '../../format';
import type { Call } from './writes';

// The selects offer only the schema's own values (activityKinds, instrumentKinds, instrumentStatuses).
type ActivityKind = (typeof activityKinds)[number];
type InstrumentKind = (typeof instrumentKinds)[number];
type InstrumentStatus = (typeof instrumentStatuses)[number];

import type { PlanDetail as Plan } from './types';

const today = () => new Date().toISOString().slice(0, 10);

/** Prevention activities with participants by sex, and policy instruments moving through their stages. */
export function Work({ plan, call }: { plan: Plan; call: Call }) {
  const { t } = useTranslation();
  const edit = plan.abilities.update;
  const [kind, setKind] = useState<string | null>('training');
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(today());
  const [organiser, setOrganiser] = useState('');
  const [female, setFemale] = useState<number | string>('');
  const [male, setMale] = useState<number | string>('');
  const [iKind, setIKind] = useState<string | null>('ordinance');
  const [iTitle, setITitle] = useState('');
  const [iStatus, setIStatus] = useState<string | null>('draft');
  const [iDate, setIDate] = useState(today());
  const participants = (Number(female) || 0) + (Number(male) || 0);
  return (
    <Stack>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('localPlans.activities')}
          </Title>
          {plan.activities.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('localPlans.noActivities')}
            </Text>
          )}
          {plan.activities.map((a) => (
            <Text key={a.id} size="sm">
              {formatDate(a.heldOn)} · {t(`localPlans.activityKinds.${a.kind}`)} · {a.title} ·{' '}
              {t('localPlans.participantsLine', { n: a.participants })}
            </Text>
          ))}
          {edit && (
            <>
              <Group align="end" wrap="wrap">
                <EnumSelect
                  label={t('localPlans.kind')}
                  values={activityKinds}
                  prefix="localPlans.activityKinds"
                  value={kind}
                  onChange={setKind}
                />
                <TextInput
                  label={t('localPlans.activity')}
                  value={title}
                  onChange={(e) => setTitle(e.currentTarget.value)}
                />
                <TextInput
                  type="date"
                  label={t('localPlans.date')}
                  value={heldOn}
                  onChange={(e) => setHeldOn(e.currentTarget.value)}
                />
                <TextInput
                  label={t('localPlans.organiser')}
                  value={organiser}
                  onChange={(e) => setOrganiser(e.currentTarget.value)}
                />
                <NumberInput
                  label={t('localPlans.categories.sex.female')}
                  value={female}
                  onChange={setFemale}
                  min={0}
                  w={110}
                />
                <NumberInput
                  label={t('localPlans.categories.sex.male')}
                  value={male}
                  onChange={setMale}
                  min={0}
                  w={110}
                />
              </Group>
              <Button
                w="fit-content"
                disabled={title.trim().length < 3 || organiser.trim().length < 2}
                onClick={() =>
                  call({
                    to: 'activities',
                    body: {
                      kind: kind as ActivityKind,
                      title,
                      heldOn,
                      organisers: [organiser],
                      participants,
                      breakdown: { sex: { female: Number(female) || 0, male: Number(male) || 0 } },
                    },
                  }).then(() => setTitle(''))
                }
              >
                {t('localPlans.addActivity')}
              </Button>
            </>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('localPlans.instruments')}
          </Title>
          {plan.instruments.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('localPlans.noInstruments')}
            </Text>
          )}
          {plan.instruments.length > 0 && (
            <Table>
              <Table.Tbody>
                {plan.instruments.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{t(`localPlans.instrumentKinds.${i.kind}`)}</Table.Td>
                    <Table.Td>{i.title}</Table.Td>
                    <Table.Td>
                      {edit ? (
                        <Select
                          allowDeselect={false}
                          aria-label={`${t('localPlans.status')} ${i.title}`}
                          size="xs"
                          data={instrumentStatuses.map((s) => ({
                            value: s,
                            label: t(`localPlans.instrumentStatuses.${s}`),
                          }))}
                          value={i.status}
                          onChange={(v) =>
                            v &&
                            call({
                              to: 'instrumentStatus',
                              sub: i.id,
                              body: { status: v as InstrumentStatus, date: today() },
                            })
                          }
                        />
                      ) : (
                        t(`localPlans.instrumentStatuses.${i.status}`)
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {i.history
                          .map((h) => `${t(`localPlans.instrumentStatuses.${h.status}`)} ${formatDate(h.date)}`)
                          .join(' → ')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {edit && (
            <Group align="end" wrap="wrap">
              <EnumSelect
                label={t('localPlans.kind')}
                values={instrumentKinds}
                prefix="localPlans.instrumentKinds"
                value={iKind}
                onChange={setIKind}
              />
              <TextInput
                label={t('localPlans.instrument')}
                value={iTitle}
                onChange={(e) => setITitle(e.currentTarget.value)}
              />
              <EnumSelect
                label={t('localPlans.status')}
                values={instrumentStatuses}
                prefix="localPlans.instrumentStatuses"
                value={iStatus}
                onChange={setIStatus}
              />
              <TextInput
                type="date"
                label={t('localPlans.date')}
                value={iDate}
                onChange={(e) => setIDate(e.currentTarget.value)}
              />
              <Button
                disabled={iTitle.trim().length < 3}
                onClick={() =>
                  call({
                    to: 'instruments',
                    body: {
                      kind: iKind as InstrumentKind,
                      title: iTitle,
                      status: iStatus as InstrumentStatus,
                      date: iDate,
                    },
                  }).then(() => setITitle(''))
                }
              >
                {t('localPlans.addInstrument')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
