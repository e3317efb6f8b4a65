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
import { serviceTypes } from '../../../../src/modules/directory/schema';
import { referralReasons } from '../../../../src/modules/referrals/schema';
import { referralSections } from '../../../../src/modules/referrals/vocabulary';
import { type ApiBody, client, ok } from '../../api';
import { caseKeys, directoryKeys } from '../../api/keys';
import { formatDate } from '../../format';
import { has, useSession } from '../../session';
import { Behind, Section } from './sections';

type ReferralBody = ApiBody<'/api/cases/{id}/referrals'>;

/** Referrals of a case: send one to a provider (consent checked by the server), follow their status, revoke. */
/** `writable`: only who may change the case refers it; a receiver or a prosecutor sees the referrals, not the form. */
export function Referrals({ caseId, writable }: { caseId: string; writable: boolean }) {
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
    queryKey: caseKeys.referrals(caseId),
    queryFn: () => ok(client.GET('/api/cases/{id}/referrals', { params: { path: { id: caseId } } })),
  });
  const providers = useQuery({ queryKey: directoryKeys.all(), queryFn: () => ok(client.GET('/api/directory')) });
  const onMinka = Boolean(providers.data?.find((p) => p.id === provider)?.organisationId);
  const receivers = useQuery({
    queryKey: directoryKeys.receivers(provider ?? ''),
    queryFn: () => ok(client.GET('/api/directory/{id}/receivers', { params: { path: { id: provider ?? '' } } })),
    enabled: onMinka,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
  const create = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/cases/{id}/referrals', {
          params: { path: { id: caseId } },
          // The selects offer only the schema's values; the button waits for a provider.
          body: {
            providerId: provider ?? '',
            ...(person ? { toUserId: person } : {}),
            services: services as ReferralBody['services'],
            reason: reason as ReferralBody['reason'],
            ...(details.trim() ? { details } : {}),
            ...(override.trim().length >= 10 ? { override: { reason: override } } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setDetails('');
      setOverride('');
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => ok(client.POST('/api/referrals/{id}/revoke', { params: { path: { id } } })),
    onSuccess: refresh,
  });
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
        {writable && (
          <Behind label={t('record.open.referral')}>
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
              {services.length > 0 && (
                <Text size="sm" c="gray.7" w="100%">
                  {t('referrals.willShare', {
                    sections: referralSections(services, null)
                      .map((x) => t(`cases.sections.${x}`))
                      .join(', '),
                  })}
                </Text>
              )}
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
          </Behind>
        )}
        {(create.error || revoke.error) && (
          <Alert color="red" role="alert">
            {(create.error ?? revoke.error)?.message}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
