import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../format';
import { Behind } from '../kit/opener';
import { EditComplaintForm } from './complaint-forms';
import type { Complaint, Prosecution } from './data';
import { ChargesForm, HearingForm, OutcomeForm, StageForm } from './proceeding-forms';

const money = (n: number) => `$ ${n.toLocaleString()}`;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={4} size="h6">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** One complaint: its filing facts, stage timeline, suspects and charges, hearings and outcome, and the forms for each. */
export function ComplaintCard({ caseId, p, c }: { caseId: string; p: Prosecution; c: Complaint }) {
  const { t } = useTranslation();
  const write = p.abilities.write;
  const none = '—';
  return (
    <Paper
      withBorder
      p="sm"
      component="article"
      aria-label={t('prosecution.complaintOf', { date: formatDate(c.filedOn) })}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h5">
            {t('prosecution.complaintOf', { date: formatDate(c.filedOn) })}
          </Title>
          <Group gap={4} wrap="wrap">
            <Badge variant="outline" color="dark" style={{ textTransform: 'none' }}>
              {c.stage.label}
            </Badge>
            {c.outcome && (
              <Badge
                variant="filled"
                color={c.outcome === 'conviction' ? 'red.9' : 'gray.8'}
                style={{ textTransform: 'none' }}
              >
                {t(`prosecution.outcome.${c.outcome}`)}
              </Badge>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Fact label={t('prosecution.institution')}>{c.institution ?? none}</Fact>
          <Fact label={t('prosecution.office')}>{c.prosecutorOffice ?? none}</Fact>
          <Fact label={t('prosecution.fileNumber')}>{c.fileNumber ?? none}</Fact>
          <Fact label={t('prosecution.chargedOn')}>
            {c.chargedOn ? formatDate(c.chargedOn) : t('prosecution.notCharged')}
          </Fact>
        </SimpleGrid>
        {write && (
          <Behind label={t('prosecution.edit')}>
            {(done) => <EditComplaintForm caseId={caseId} c={c} done={done} />}
          </Behind>
        )}

        <Part title={t('prosecution.stages')}>
          <Timeline active={c.stages.length - 1} bulletSize={14} lineWidth={2} color="indigo.9">
            {c.stages.map((s) => (
              <Timeline.Item key={s.id} title={s.label}>
                <Text size="xs">
                  {[
                    formatDate(s.reachedOn),
                    s.source,
                    s.recordedBy && t('prosecution.recordedBy', { name: s.recordedBy }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
          {write && (
            <Behind label={t('prosecution.addStage')}>
              {(done) => <StageForm caseId={caseId} c={c} done={done} />}
            </Behind>
          )}
        </Part>

        <Part title={t('prosecution.suspects')}>
          {c.suspects.length ? (
            <List spacing={4} size="sm">
              {c.suspects.map((s, i) => (
                <List.Item key={s.id}>
                  <Text size="sm" fw={600} component="span">
                    {s.name ?? t('prosecution.suspectN', { n: i + 1 })}
                  </Text>
                  {s.removed && ` (${t('prosecution.removed')})`}
                  {s.outcome && ` — ${t(`prosecution.outcome.${s.outcome}`)}`}
                  {s.sentenceMonths !== null && `, ${t('prosecution.months', { count: s.sentenceMonths })}`}
                  <Text size="sm">
                    {s.charges.length
                      ? s.charges.map((x) => (x.source ? `${x.label} (${x.source})` : x.label)).join('; ')
                      : t('prosecution.noCharges')}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('prosecution.noSuspects')}
            </Text>
          )}
          {write && (
            <Behind label={t('prosecution.charge')}>
              {(done) => <ChargesForm caseId={caseId} p={p} c={c} done={done} />}
            </Behind>
          )}
        </Part>

        <Part title={t('prosecution.hearings')}>
          {c.hearings.length ? (
            <List spacing={4} size="sm">
              {c.hearings.map((h) => (
                <List.Item key={h.id}>
                  {formatDate(h.heldOn)} — {t(`prosecution.hearingKind.${h.kind}`)}
                  {h.result && (
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {h.result}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('prosecution.noHearings')}
            </Text>
          )}
          {write && (
            <Behind label={t('prosecution.addHearing')}>
              {(done) => <HearingForm caseId={caseId} c={c} done={done} />}
            </Behind>
          )}
        </Part>

        <Part title={t('prosecution.result')}>
          {c.outcome ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              <Fact label={t('prosecution.result')}>
                {t(`prosecution.outcome.${c.outcome}`)} · {c.outcomeOn && formatDate(c.outcomeOn)}
              </Fact>
              {c.sentenceMonths !== null && (
                <Fact label={t('prosecution.sentenceMonths')}>
                  {t('prosecution.months', { count: c.sentenceMonths })}
                </Fact>
              )}
              {c.fineAmount !== null && <Fact label={t('prosecution.fineAmount')}>{money(c.fineAmount)}</Fact>}
              {(c.reparation || c.reparationAmount !== null) && (
                <Fact label={t('prosecution.reparation')}>
                  {[c.reparation, c.reparationAmount !== null && money(c.reparationAmount)].filter(Boolean).join(' · ')}
                </Fact>
              )}
            </SimpleGrid>
          ) : (
            <Text size="sm" c="dimmed">
              {t('prosecution.noOutcome')}
            </Text>
          )}
          {write && (
            <Behind label={c.outcome ? t('prosecution.changeOutcome') : t('prosecution.recordOutcome')}>
              {(done) => <OutcomeForm caseId={caseId} c={c} done={done} />}
            </Behind>
          )}
        </Part>
      </Stack>
    </Paper>
  );
}
