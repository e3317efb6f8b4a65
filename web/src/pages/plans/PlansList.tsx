import { Alert, Anchor, Button, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { client, ok } from '../../api';
import { planKeys } from '../../api/keys';
import { DivisionPicker } from '../../components/DivisionPicker';
import { has, useSession } from '../../session';
import { Agreements } from './Agreements';
import { Compare } from './Compare';

/** Local plans of my jurisdiction; a municipal planner starts a new one here. */
export function PlansList() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const list = useQuery({ queryKey: planKeys.list(), queryFn: () => ok(client.GET('/api/local-plans')) });
  const year = new Date().getFullYear() + 1;
  const [title, setTitle] = useState('');
  const [code, setCode] = useState<string | null>(session?.user.scope.code ?? null);
  const [from, setFrom] = useState<number | string>(year);
  const [to, setTo] = useState<number | string>(year);
  const create = useMutation({
    mutationFn: () =>
      ok(
        client.POST('/api/local-plans', {
          body: {
            title,
            // The button stays disabled until a division is chosen.
            division: { country: session?.user.scope.country ?? 'EC', code: code ?? '' },
            yearFrom: Number(from),
            yearTo: Number(to),
          },
        }),
      ),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: planKeys.list() });
      navigate(`/plans/${r.id}`);
    },
  });
  return (
    <Stack>
      <Title order={1}>{t('localPlans.title')}</Title>
      {list.data?.length === 0 && <Text c="dimmed">{t('localPlans.none')}</Text>}
      {!!list.data?.length && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('localPlans.plan')}</Table.Th>
              <Table.Th>{t('localPlans.place')}</Table.Th>
              <Table.Th>{t('localPlans.years')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/plans/${p.id}`}>
                    {p.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{p.division.code}</Table.Td>
                <Table.Td>
                  {p.yearFrom}–{p.yearTo}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Compare />
      {has(session, 'plans:write') && (
        <Stack gap="xs" maw={720}>
          <Title order={2} size="h3">
            {t('localPlans.new')}
          </Title>
          <TextInput
            label={t('localPlans.planTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Group align="end" wrap="wrap">
            <DivisionPicker label={t('localPlans.place')} value={code} onChange={setCode} />
            <NumberInput
              label={t('localPlans.yearFrom')}
              value={from}
              onChange={setFrom}
              min={2000}
              max={2100}
              w={120}
            />
            <NumberInput label={t('localPlans.yearTo')} value={to} onChange={setTo} min={2000} max={2100} w={120} />
            <Button
              disabled={title.trim().length < 3 || !code}
              loading={create.isPending}
              onClick={() => create.mutate()}
            >
              {t('localPlans.create')}
            </Button>
          </Group>
          {create.error && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
        </Stack>
      )}
      <Agreements />
    </Stack>
  );
}
