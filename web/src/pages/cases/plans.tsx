import { Alert, Badge, Button, Group, MultiSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceTypes } from '../../../../src/modules/directory/schema';
import { type ApiBody, type ApiResponse, client, ok } from '../../api';
import { caseKeys } from '../../api/keys';
import { formatDate } from '../../format';
import { has, useSession } from '../../session';
import { Behind, Section } from './sections';

type Plan = ApiResponse<'/api/cases/{id}/plans'>[number];
type Step =
  | { path: 'create'; body: ApiBody<'/api/cases/{id}/plans'> }
  | { path: 'review'; plan: string; body: ApiBody<'/api/plans/{id}/review'> }
  | { path: 'complete'; plan: string; body: ApiBody<'/api/plans/{id}/complete'> };

/** Sends one step of a case's support plan; each answers the case's plans, newest first. */
function sendStep(caseId: string, s: Step) {
  if (s.path === 'create')
    return ok(client.POST('/api/cases/{id}/plans', { params: { path: { id: caseId } }, body: s.body }));
  if (s.path === 'review')
    return ok(client.POST('/api/plans/{id}/review', { params: { path: { id: s.plan } }, body: s.body }));
  return ok(client.POST('/api/plans/{id}/complete', { params: { path: { id: s.plan } }, body: s.body }));
}
const statusColor: Record<Plan['status'], string> = {
  submitted: 'blue',
  approved: 'green',
  returned: 'orange',
  completed: 'teal',
  superseded: 'gray',
};
const today = () => new Date().toISOString().slice(0, 10);

/** The support plan (HTCDS spl_): the current version, its review, completion, earlier versions, re-planning. */
export function Plans({ caseId, writable }: { caseId: string; writable: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: session } = useSession();
  const key = caseKeys.plans(caseId);
  const list = useQuery({
    queryKey: key,
    queryFn: () => ok(client.GET('/api/cases/{id}/plans', { params: { path: { id: caseId } } })),
  });
  const [objectives, setObjectives] = useState('');
  const [actions, setActions] = useState('');
  const [services, setServices] = useState<string[]>([]);
  const [plannedEnd, setPlannedEnd] = useState('');
  const [comment, setComment] = useState('');
  const [actualEnd, setActualEnd] = useState(today());
  const call = useMutation({
    mutationFn: (s: Step) => sendStep(caseId, s),
    onSuccess: (plans) => {
      qc.setQueryData(key, plans);
      setComment('');
    },
  });
  const current = list.data?.[0];
  const earlier = list.data?.slice(1) ?? [];
  const submit = () =>
    call
      .mutateAsync({
        path: 'create',
        body: {
          spl_Objectives: objectives,
          spl_Type: services as ApiBody<'/api/cases/{id}/plans'>['spl_Type'],
          ...(actions.trim() ? { spl_ActionPlan: actions } : {}),
          ...(plannedEnd ? { spl_PlannedEndDate: plannedEnd } : {}),
        },
      })
      .then(() => {
        setObjectives('');
        setActions('');
        setServices([]);
        setPlannedEnd('');
      })
      .catch(() => undefined);
  return (
    <Section title={t('plans.title')}>
      <Stack>
        {current ? (
          <Stack gap={4} data-testid="current-plan">
            <Group gap="xs">
              <Text fw={600}>{t('plans.version', { n: current.version })}</Text>
              <Badge color={statusColor[current.status]}>{t(`plans.statuses.${current.status}`)}</Badge>
            </Group>
            <Text size="sm">
              <b>{t('plans.objectives')}:</b> {current.spl_Objectives}
            </Text>
            {current.spl_ActionPlan && (
              <Text size="sm">
                <b>{t('plans.actions')}:</b> {current.spl_ActionPlan}
              </Text>
            )}
            <Text size="sm">
              <b>{t('plans.services')}:</b> {current.spl_Type.map((s) => t(`directory.services.${s}`)).join(', ')}
            </Text>
            <Text size="sm">
              {t('plans.plannedEnd')}: {current.spl_PlannedEndDate ? formatDate(current.spl_PlannedEndDate) : '—'}
              {current.spl_ActualEndDate && ` · ${t('plans.actualEnd')}: ${formatDate(current.spl_ActualEndDate)}`}
            </Text>
            {current.reviewComment && (
              <Text size="sm" c="dimmed">
                {t('plans.reviewComment')}: {current.reviewComment}
              </Text>
            )}
            {current.status === 'submitted' && has(session, 'cases:approve') && (
              <Group align="end">
                <TextInput
                  label={t('plans.comment')}
                  value={comment}
                  onChange={(e) => setComment(e.currentTarget.value)}
                />
                <Button
                  onClick={() =>
                    call.mutate({
                      path: 'review',
                      plan: current.id,
                      body: { approve: true, ...(comment.trim().length >= 3 ? { comment } : {}) },
                    })
                  }
                >
                  {t('plans.approve')}
                </Button>
                <Button
                  variant="light"
                  color="orange"
                  disabled={comment.trim().length < 3}
                  onClick={() => call.mutate({ path: 'review', plan: current.id, body: { approve: false, comment } })}
                >
                  {t('plans.return')}
                </Button>
              </Group>
            )}
            {current.status === 'approved' && writable && (
              <Group align="end">
                <TextInput
                  type="date"
                  label={t('plans.actualEnd')}
                  value={actualEnd}
                  onChange={(e) => setActualEnd(e.currentTarget.value)}
                />
                <Button
                  color="teal"
                  onClick={() =>
                    call.mutate({ path: 'complete', plan: current.id, body: { spl_ActualEndDate: actualEnd } })
                  }
                >
                  {t('plans.complete')}
                </Button>
              </Group>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('plans.none')}
          </Text>
        )}
        {earlier.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('plans.earlier')}
            </Text>
            {earlier.map((p) => (
              <Text key={p.id} size="xs" c="dimmed">
                {t('plans.version', { n: p.version })} · {t(`plans.statuses.${p.status}`)} · {p.spl_Objectives}
                {p.reviewComment && ` · ${p.reviewComment}`}
              </Text>
            ))}
          </Stack>
        )}
        {writable && current?.status !== 'completed' && (
          <Behind label={t('record.open.plan')}>
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {current ? t('plans.replan') : t('plans.new')}
              </Text>
              <Textarea
                label={t('plans.objectives')}
                value={objectives}
                onChange={(e) => setObjectives(e.currentTarget.value)}
                autosize
              />
              <Textarea
                label={t('plans.actions')}
                value={actions}
                onChange={(e) => setActions(e.currentTarget.value)}
                autosize
              />
              <Group align="end" wrap="wrap">
                <MultiSelect
                  label={t('plans.services')}
                  data={serviceTypes.map((s) => ({ value: s, label: t(`directory.services.${s}`) }))}
                  value={services}
                  onChange={setServices}
                  miw={260}
                />
                <TextInput
                  type="date"
                  label={t('plans.plannedEnd')}
                  value={plannedEnd}
                  onChange={(e) => setPlannedEnd(e.currentTarget.value)}
                />
                <Button
                  disabled={objectives.trim().length < 3 || services.length === 0}
                  loading={call.isPending}
                  onClick={submit}
                >
                  {t('plans.submit')}
                </Button>
              </Group>
            </Stack>
          </Behind>
        )}
        {call.error && (
          <Alert color="red" role="alert">
            {call.error.message}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
