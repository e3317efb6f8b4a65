import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type providerSchema, serviceTypes } from '../../../../src/modules/directory/schema';
import { referralReasons, type referralSchema } from '../../../../src/modules/referrals/schema';
import { api, send } from '../../api';
import { formatDate } from '../../format';
import { has, useSession } from '../../session';
import { Section } from './sections';

type Referral = z.infer<typeof referralSchema>;
type Provider = z.infer<typeof providerSchema>;

/** Referrals of a case: send one to a provider (consent checked by the server), follow their status, revoke. */
export function Referrals({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { data: session } = useSession();
  const [provider, setProvider] = useState<string | null>(null);
  const [services, setServices] = useState<string[]>([]);
  const [override, setOverride] = useState('');
  const [reason, setReason] = useState<string | null>('AdditionalServicesRequired');
  const [details, setDetails] = useState('');
  const [person, setPerson] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['case', caseId, 'referrals'],
    queryFn: () => api<Referral[]>(`/api/cases/${caseId}/referrals`),
  });
  const providers = useQuery({ queryKey: ['directory', 'all'], queryFn: () => api<Provider[]>('/api/directory') });
  const onMinka = Boolean(providers.data?.find((p) => p.id === provider)?.organisationId);
  const receivers = useQuery({
    queryKey: ['directory', provider, 'receivers'],
    queryFn: () => api<{ id: string; name: string }[]>(`/api/directory/${provider}/receivers`),
    enabled: onMinka,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['case', caseId] });
  const create = useMutation({
    mutationFn: () =>
      send(`/api/cases/${caseId}/referrals`, {
        providerId: provider,
        ...(person ? { toUserId: person } : {}),
        services,
        reason,
        ...(details.trim() ? { details } : {}),
        ...(override.trim().length >= 10 ? { override: { reason: override } } : {}),
      }),
    onSuccess: () => {
      setDetails('');
      setOverride('');
      return refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => send(`/api/referrals/${id}/revoke`), onSuccess: refresh });
  return (
    <Section title={t('referrals.title')}>
      <Stack>
        {list.data?.map((r) => (
          <Group key={r.id} justify="space-between">
            <Text size="sm">
              {r.toName ?? r.toOrgId} · {r.services.map((s) => t(`directory.services.${s}`)).join(', ')} ·{' '}
              {formatDate(r.createdAt)}
            </Text>
            <Group gap={4}>
              <Badge>{t(`referrals.statuses.${r.status}`)}</Badge>
              {r.consentOverride && <Badge color="orange">{t('referrals.override')}</Badge>}
              {(r.status === 'sent' || r.status === 'accepted' || r.status === 'completed') && (
                <Anchor href={`/api/referrals/${r.id}/sheet?lang=${i18n.language}`} size="xs">
                  {t('referrals.sheet')}
                </Anchor>
              )}
              {r.abilities.revoke && (
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => revoke.mutate(r.id)}>
                  {t('referrals.revoke')}
                </Button>
              )}
            </Group>
          </Group>
        ))}
        <Group align="end" wrap="wrap">
          <Select
            label={t('referrals.provider')}
            data={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={provider}
            onChange={(v) => {
              setProvider(v);
              setPerson(null);
            }}
            searchable
          />
          {onMinka && (
            <Select
              label={t('referrals.person')}
              data={(receivers.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={person}
              onChange={setPerson}
              clearable
            />
          )}
          <MultiSelect
            label={t('directory.service')}
            data={serviceTypes.map((s) => ({ value: s, label: t(`directory.services.${s}`) }))}
            value={services}
            onChange={setServices}
          />
          <Select
            label={t('referrals.reason')}
            data={referralReasons.map((v) => ({ value: v, label: t(`referrals.reasons.${v}`) }))}
            value={reason}
            onChange={setReason}
          />
          {has(session, 'cases:approve') && (
            <TextInput
              label={t('referrals.overrideReason')}
              value={override}
              onChange={(e) => setOverride(e.currentTarget.value)}
            />
          )}
          <Textarea
            label={t('referrals.details')}
            value={details}
            onChange={(e) => setDetails(e.currentTarget.value)}
            autosize
            miw={260}
          />
          <Button
            onClick={() => create.mutate()}
            disabled={!provider || services.length === 0}
            loading={create.isPending}
          >
            {t('referrals.send')}
          </Button>
        </Group>
        {(create.error || revoke.error) && (
          <Alert color="red" role="alert">
            {(create.error ?? revoke.error)?.message}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
