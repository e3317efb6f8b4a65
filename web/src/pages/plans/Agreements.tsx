import { Alert, Badge, Button, Group, MultiSelect, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commitmentStatuses } from '../../../../src/modules/plans/schema';
import { client, ok } from '../../api';
import { planKeys } from '../../api/keys';
import { formatDate } from '../../format';
import { useOrganisations } from '../../organisations';
import { has, useSession } from '../../session';
import { Documents } from './Documents';

type CommitmentStatus = (typeof commitmentStatuses)[number];

/** Cooperation agreements of my jurisdiction: parties, term, commitments and their status. */
export function Agreements() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: session } = useSession();
  const write = has(session, 'plans:write');
  const list = useQuery({ queryKey: planKeys.agreements(), queryFn: () => ok(client.GET('/api/agreements')) });
  const orgs = useOrganisations(write);
  const [title, setTitle] = useState('');
  const [parties, setParties] = useState<string[]>([]);
  const [signedOn, setSignedOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [commitment, setCommitment] = useState('');
  const [purpose, setPurpose] = useState('');
  const [renews, setRenews] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: planKeys.agreements() });
  const create = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/agreements', {
          body: {
            title,
            parties,
            division: { country: session?.user.scope.country ?? 'EC', code: session?.user.scope.code ?? '' },
            signedOn,
            ...(endsOn ? { endsOn } : {}),
            ...(purpose.trim() ? { purpose } : {}),
            ...(renews ? { renewedFrom: renews } : {}),
            commitments: commitment.trim() ? [{ text: commitment }] : [],
          },
        }),
      ),
    onSuccess: () => {
      setTitle('');
      setCommitment('');
      return refresh();
    },
  });
  const status = useMutation({
    mutationFn: ({ a, c, s }: { a: string; c: string; s: CommitmentStatus }) =>
      ok(
        client.POST('/api/agreements/{id}/commitments/{sub}/status', {
          params: { path: { id: a, sub: c } },
          body: { status: s },
        }),
      ),
    onSuccess: refresh,
  });
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('localPlans.agreements')}
      </Title>
      {list.data?.length === 0 && <Text c="dimmed">{t('localPlans.noAgreements')}</Text>}
      {list.data?.map((a) => (
        <Paper key={a.id} withBorder p="sm">
          <Text fw={600}>{a.title}</Text>
          {a.purpose && <Text size="sm">{a.purpose}</Text>}
          {a.renewedFrom && (
            <Text size="xs" c="dimmed">
              {t('localPlans.renewalOf', { title: list.data?.find((x) => x.id === a.renewedFrom)?.title ?? '' })}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {a.parties.map((p) => p.name).join(' · ')} · {formatDate(a.signedOn)}
            {a.endsOn && ` → ${formatDate(a.endsOn)}`}
          </Text>
          {a.commitments.map((c) => (
            <Group key={c.id} justify="space-between" mt={4}>
              <Text size="sm">
                {c.text} {c.dueOn && <Badge variant="light">{formatDate(c.dueOn)}</Badge>}
              </Text>
              {write ? (
                <Select
                  aria-label={t('localPlans.status')}
                  size="xs"
                  allowDeselect={false}
                  data={commitmentStatuses.map((s) => ({ value: s, label: t(`localPlans.commitmentStatuses.${s}`) }))}
                  value={c.status}
                  onChange={(s) => s && status.mutate({ a: a.id, c: c.id, s: s as CommitmentStatus })}
                />
              ) : (
                <Badge>{t(`localPlans.commitmentStatuses.${c.status}`)}</Badge>
              )}
            </Group>
          ))}
          <Documents owner={{ agreement: a.id }} docs={a.documents} edit={write} refresh={planKeys.agreements()} />
        </Paper>
      ))}
      {write && (
        <Stack gap="xs" maw={720}>
          <TextInput
            label={t('localPlans.agreementTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <TextInput
            label={t('localPlans.purpose')}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value)}
          />
          {!!list.data?.length && (
            <Select
              label={t('localPlans.renews')}
              data={list.data.map((a) => ({ value: a.id, label: a.title }))}
              value={renews}
              onChange={setRenews}
              clearable
            />
          )}
          <MultiSelect
            label={t('localPlans.parties')}
            data={orgs.options}
            value={parties}
            onChange={setParties}
            searchable
          />
          <Group align="end" wrap="wrap">
            <TextInput
              type="date"
              label={t('localPlans.signedOn')}
              value={signedOn}
              onChange={(e) => setSignedOn(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('localPlans.endsOn')}
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
            />
          </Group>
          <TextInput
            label={t('localPlans.commitment')}
            value={commitment}
            onChange={(e) => setCommitment(e.currentTarget.value)}
          />
          <Button
            w="fit-content"
            disabled={title.trim().length < 3 || parties.length < 2 || !signedOn}
            loading={create.isPending}
            onClick={() => create.mutate()}
          >
            {t('localPlans.addAgreement')}
          </Button>
          {create.error && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
        </Stack>
      )}
    </Stack>
  );
}
