import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { htcds, local } from '../../../../src/modules/cases/vocabulary';
import { type ApiBody, client, ok } from '../../api';
import { caseKeys } from '../../api/keys';
import { DivisionPicker } from '../../components/DivisionPicker';

// `clean` drops blank fields; the server's schema checks what remains.
type CandidatesBody = ApiBody<'/api/persons/candidates'>;
type CaseBody = ApiBody<'/api/cases'>;
interface EventDraft {
  key: string;
  hte_Type: string;
  hte_Country: string;
  hte_Date: string;
  hte_Description: string;
}

/** Intake: a few fields open a case; likely duplicates are shown while the name is typed. */
export function Intake() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [p, setP] = useState({
    prs_FirstName: '',
    prs_SecondName: '',
    prs_Birthdate: '',
    local_BirthYear: '' as number | string,
    prs_Gender: null as string | null,
    local_Ethnicity: null as string | null,
    local_Languages: [] as string[],
    prs_IdentityNumber: '',
  });
  const [c, setC] = useState({
    division: null as string | null,
    local_AgeAtIntake: '' as number | string,
    vic_AgeWhenTrafficked: '' as number | string,
    vic_TypeOfExploitation: [] as string[],
    vic_MethodOfRecruitment: [] as string[],
    vic_RelationshipToTrafficker: null as string | null,
  });
  const [events, setEvents] = useState<EventDraft[]>([]);
  const [personId, setPersonId] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [names] = useDebouncedValue(
    `${p.prs_FirstName}|${p.prs_SecondName}|${p.local_BirthYear}|${p.prs_Birthdate}|${p.prs_Gender}`,
    400,
  );
  const opts = (list: readonly string[], field: string) =>
    list.map((v) => ({ value: v, label: t(`htcds.${field}.${v}`) }));
  const clean = <T extends Record<string, unknown>>(o: T) =>
    Object.fromEntries(
      Object.entries(o).filter(([, v]) => v !== '' && v !== null && !(Array.isArray(v) && v.length === 0)),
    );
  const candidates = useQuery({
    queryKey: caseKeys.candidates(names),
    queryFn: () =>
      ok(
        client.POST('/api/persons/candidates', {
          body: clean({
            prs_FirstName: p.prs_FirstName,
            prs_SecondName: p.prs_SecondName,
            prs_Birthdate: p.prs_Birthdate,
            local_BirthYear: p.local_BirthYear === '' ? '' : Number(p.local_BirthYear),
            prs_Gender: p.prs_Gender,
          }) as CandidatesBody,
        }),
      ),
    enabled: (p.prs_FirstName + p.prs_SecondName).trim().length >= 3,
  });
  const save = useMutation({
    mutationFn: (draft: boolean) =>
      ok(
        client.POST('/api/cases', {
          body: {
            draft,
            ...(personId
              ? { personId }
              : {
                  person: clean({ ...p, local_BirthYear: p.local_BirthYear === '' ? '' : Number(p.local_BirthYear) }),
                }),
            division: { country: 'EC', code: c.division },
            ...clean({
              ...c,
              division: '',
              local_AgeAtIntake: c.local_AgeAtIntake === '' ? '' : Number(c.local_AgeAtIntake),
              vic_AgeWhenTrafficked: c.vic_AgeWhenTrafficked === '' ? '' : Number(c.vic_AgeWhenTrafficked),
            }),
            events: events.map(({ key: _key, ...e }) => clean({ ...e, hte_Country: e.hte_Country.toUpperCase() })),
          } as CaseBody,
        }),
      ),
    onSuccess: (r) => navigate(`/cases/${r.id}`),
  });
  const list = candidates.data ?? [];
  return (
    <Stack maw={900}>
      <Title order={1}>{t('cases.intakeTitle')}</Title>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('cases.person')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('cases.givenNames')}
            value={p.prs_FirstName}
            onChange={(e) => setP({ ...p, prs_FirstName: e.currentTarget.value })}
            disabled={Boolean(personId)}
          />
          <TextInput
            label={t('cases.surnames')}
            value={p.prs_SecondName}
            onChange={(e) => setP({ ...p, prs_SecondName: e.currentTarget.value })}
            disabled={Boolean(personId)}
          />
          <TextInput
            type="date"
            label={t('cases.birthdate')}
            value={p.prs_Birthdate}
            onChange={(e) => setP({ ...p, prs_Birthdate: e.currentTarget.value })}
            disabled={Boolean(personId)}
          />
          <NumberInput
            label={t('cases.birthYear')}
            value={p.local_BirthYear}
            onChange={(v) => setP({ ...p, local_BirthYear: v })}
            min={1900}
            max={2100}
            disabled={Boolean(personId)}
          />
          <Select
            label={t('cases.gender')}
            data={opts(htcds.prs_Gender, 'prs_Gender')}
            value={p.prs_Gender}
            onChange={(v) => setP({ ...p, prs_Gender: v })}
            disabled={Boolean(personId)}
          />
          <Select
            label={t('cases.ethnicity')}
            data={opts(local.local_Ethnicity, 'local_Ethnicity')}
            value={p.local_Ethnicity}
            onChange={(v) => setP({ ...p, local_Ethnicity: v })}
            disabled={Boolean(personId)}
          />
          <MultiSelect
            label={t('cases.languages')}
            data={opts(local.local_Languages, 'local_Languages')}
            value={p.local_Languages}
            onChange={(v) => setP({ ...p, local_Languages: v })}
            disabled={Boolean(personId)}
          />
          <TextInput
            label={t('cases.identity')}
            value={p.prs_IdentityNumber}
            onChange={(e) => setP({ ...p, prs_IdentityNumber: e.currentTarget.value })}
            disabled={Boolean(personId)}
          />
        </SimpleGrid>
        {personId && (
          <Alert color="blue" mt="sm">
            {t('cases.usingExisting')}{' '}
            <Button size="compact-xs" variant="subtle" onClick={() => setPersonId(null)}>
              {t('cases.newPerson')}
            </Button>
          </Alert>
        )}
        {!personId && !dismissed && list.length > 0 && (
          <Alert color="yellow" mt="sm" title={t('cases.candidates')}>
            <Text size="sm">{t('cases.candidatesHint')}</Text>
            {list.map((k) => (
              <Group key={k.personId} justify="space-between" mt={4}>
                <Text size="sm">
                  {k.name} · {k.birthYear ?? '—'} · {k.caseCodes.join(', ')}
                </Text>
                <Button size="compact-xs" onClick={() => setPersonId(k.personId)}>
                  {t('cases.useThis')}
                </Button>
              </Group>
            ))}
            <Button size="compact-xs" variant="subtle" mt="xs" onClick={() => setDismissed(true)}>
              {t('cases.newPerson')}
            </Button>
          </Alert>
        )}
      </Paper>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DivisionPicker
            label={t('cases.division')}
            value={c.division}
            onChange={(v) => setC({ ...c, division: v })}
          />
          <NumberInput
            label={t('cases.ageAtIntake')}
            value={c.local_AgeAtIntake}
            onChange={(v) => setC({ ...c, local_AgeAtIntake: v })}
            min={0}
            max={120}
          />
          <NumberInput
            label={t('cases.ageWhenTrafficked')}
            value={c.vic_AgeWhenTrafficked}
            onChange={(v) => setC({ ...c, vic_AgeWhenTrafficked: v })}
            min={0}
            max={120}
          />
          <MultiSelect
            label={t('cases.exploitation')}
            data={opts(htcds.vic_TypeOfExploitation, 'vic_TypeOfExploitation')}
            value={c.vic_TypeOfExploitation}
            onChange={(v) => setC({ ...c, vic_TypeOfExploitation: v })}
          />
          <MultiSelect
            label={t('cases.recruitment')}
            data={opts(htcds.vic_MethodOfRecruitment, 'vic_MethodOfRecruitment')}
            value={c.vic_MethodOfRecruitment}
            onChange={(v) => setC({ ...c, vic_MethodOfRecruitment: v })}
          />
          <Select
            label={t('cases.relationship')}
            data={opts(htcds.vic_RelationshipToTrafficker, 'vic_RelationshipToTrafficker')}
            value={c.vic_RelationshipToTrafficker}
            onChange={(v) => setC({ ...c, vic_RelationshipToTrafficker: v })}
          />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('cases.events')}
        </Title>
        {events.map((e, i) => (
          <SimpleGrid key={e.key} cols={{ base: 1, sm: 4 }} mb="sm">
            <Select
              label={t('cases.eventType')}
              data={opts(htcds.hte_Type, 'hte_Type')}
              value={e.hte_Type}
              onChange={(v) => setEvents(events.map((x, j) => (j === i ? { ...x, hte_Type: v ?? 'Recruitment' } : x)))}
            />
            <TextInput
              label={t('cases.eventCountry')}
              value={e.hte_Country}
              maxLength={2}
              onChange={(ev) =>
                setEvents(events.map((x, j) => (j === i ? { ...x, hte_Country: ev.currentTarget.value } : x)))
              }
            />
            <TextInput
              label={t('cases.eventMonth')}
              value={e.hte_Date}
              onChange={(ev) =>
                setEvents(events.map((x, j) => (j === i ? { ...x, hte_Date: ev.currentTarget.value } : x)))
              }
            />
            <TextInput
              label={t('cases.eventDescription')}
              value={e.hte_Description}
              onChange={(ev) =>
                setEvents(events.map((x, j) => (j === i ? { ...x, hte_Description: ev.currentTarget.value } : x)))
              }
            />
          </SimpleGrid>
        ))}
        <Button
          variant="light"
          size="xs"
          onClick={() =>
            setEvents([
              ...events,
              { key: crypto.randomUUID(), hte_Type: 'Recruitment', hte_Country: '', hte_Date: '', hte_Description: '' },
            ])
          }
        >
          {t('cases.addEvent')}
        </Button>
      </Paper>
      {save.error && (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      )}
      <Group>
        <Button onClick={() => save.mutate(false)} loading={save.isPending} disabled={!c.division}>
          {t('cases.open')}
        </Button>
        <Button variant="light" onClick={() => save.mutate(true)} disabled={!c.division}>
          {t('cases.saveDraft')}
        </Button>
      </Group>
    </Stack>
  );
}
