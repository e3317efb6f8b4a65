import { zodResolver } from '@hookform/resolvers/zod';
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
import { useRef, useState } from 'react';
import { Controller, type Resolver, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { intakeBody } from '../../../../src/modules/cases/schema';
import { htcds, local } from '../../../../src/modules/cases/vocabulary';
import { type ApiBody, client, ok } from '../../api';
import { caseKeys } from '../../api/keys';
import { DivisionPicker } from '../../components/DivisionPicker';

type CandidatesBody = ApiBody<'/api/persons/candidates'>;
type CaseBody = ApiBody<'/api/cases'>;

/** The intake form as people fill it: text boxes hold '' and pickers null until something is chosen. */
interface IntakeForm {
  person: {
    prs_FirstName: string;
    prs_SecondName: string;
    prs_Birthdate: string;
    local_BirthYear: number | string;
    prs_Gender: string | null;
    local_Ethnicity: string | null;
    local_Languages: string[];
    prs_IdentityNumber: string;
  };
  division: string | null;
  local_AgeAtIntake: number | string;
  vic_AgeWhenTrafficked: number | string;
  vic_TypeOfExploitation: string[];
  vic_MethodOfRecruitment: string[];
  vic_RelationshipToTrafficker: string | null;
  events: { hte_Type: string; hte_Country: string; hte_Date: string; hte_Description: string }[];
}

const blank: IntakeForm = {
  person: {
    prs_FirstName: '',
    prs_SecondName: '',
    prs_Birthdate: '',
    local_BirthYear: '',
    prs_Gender: null,
    local_Ethnicity: null,
    local_Languages: [],
    prs_IdentityNumber: '',
  },
  division: null,
  local_AgeAtIntake: '',
  vic_AgeWhenTrafficked: '',
  vic_TypeOfExploitation: [],
  vic_MethodOfRecruitment: [],
  vic_RelationshipToTrafficker: null,
  events: [],
};

// Blank answers are left out, so the server's schema sees only what was given.
const clean = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== '' && v !== null && !(Array.isArray(v) && v.length === 0)),
  );
const num = (v: number | string) => (v === '' ? '' : Number(v));

/** The request body the form stands for (a chosen existing person replaces the person fields). */
function toBody(f: IntakeForm, draft: boolean, personId: string | null) {
  const { person, division, events, ...rest } = f;
  return {
    draft,
    ...(personId ? { personId } : { person: clean({ ...person, local_BirthYear: num(person.local_BirthYear) }) }),
    division: { country: 'EC', code: division ?? '' },
    ...clean({
      ...rest,
      local_AgeAtIntake: num(rest.local_AgeAtIntake),
      vic_AgeWhenTrafficked: num(rest.vic_AgeWhenTrafficked),
    }),
    events: events.map((e) => clean({ ...e, hte_Country: e.hte_Country.toUpperCase() })),
  };
}

/**
 * Intake: a few fields open a case; likely duplicates are shown while the name is typed. On the field device
 * (`offline`) the case is kept on the device with a temporary code and sent at the next sync, where the server
 * looks for duplicates.
 */
export function Intake({ offline }: { offline?: (body: CaseBody) => Promise<string> } = {}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [personId, setPersonId] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const draft = useRef(false);
  // The server's own intake schema checks the form, so a field shows the same rule the API applies.
  const resolver: Resolver<IntakeForm, unknown, CaseBody> = (values, context, options) =>
    zodResolver(intakeBody)(toBody(values, draft.current, personId) as never, context, options as never) as never;
  const form = useForm<IntakeForm, unknown, CaseBody>({ defaultValues: blank, resolver });
  const events = useFieldArray({ control: form.control, name: 'events' });
  const { errors } = form.formState;
  const invalid = (e: unknown) => (e ? t('cases.fieldInvalid') : undefined);
  const p = form.watch('person');
  const division = form.watch('division');
  const [names] = useDebouncedValue(
    `${p.prs_FirstName}|${p.prs_SecondName}|${p.local_BirthYear}|${p.prs_Birthdate}|${p.prs_Gender}`,
    400,
  );
  const opts = (list: readonly string[], field: string) =>
    list.map((v) => ({ value: v, label: t(`htcds.${field}.${v}`) }));
  const candidates = useQuery({
    queryKey: caseKeys.candidates(names),
    queryFn: () =>
      ok(
        client.POST('/api/persons/candidates', {
          body: clean({
            prs_FirstName: p.prs_FirstName,
            prs_SecondName: p.prs_SecondName,
            prs_Birthdate: p.prs_Birthdate,
            local_BirthYear: num(p.local_BirthYear),
            prs_Gender: p.prs_Gender,
          }) as CandidatesBody,
        }),
      ),
    enabled: !offline && (p.prs_FirstName + p.prs_SecondName).trim().length >= 3,
  });
  const save = useMutation({
    mutationFn: async (body: CaseBody) =>
      offline ? `/field/cases/${await offline(body)}` : `/cases/${(await ok(client.POST('/api/cases', { body }))).id}`,
    onSuccess: (to) => navigate(to),
  });
  const submit = (asDraft: boolean) => {
    draft.current = asDraft;
    void form.handleSubmit((body) => save.mutate(body))();
  };
  const text = (name: `person.${'prs_FirstName' | 'prs_SecondName' | 'prs_IdentityNumber'}`, label: string) => (
    <TextInput
      label={label}
      {...form.register(name)}
      error={invalid(errors.person?.[name.slice(7) as 'prs_FirstName'])}
      disabled={Boolean(personId)}
    />
  );
  const list = candidates.data ?? [];
  const select = (
    name: 'person.prs_Gender' | 'person.local_Ethnicity' | 'vic_RelationshipToTrafficker',
    label: string,
    data: { value: string; label: string }[],
    disabled = false,
  ) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          label={label}
          data={data}
          value={field.value}
          onChange={field.onChange}
          error={invalid(fieldState.error)}
          disabled={disabled}
        />
      )}
    />
  );
  const multi = (
    name: 'person.local_Languages' | 'vic_TypeOfExploitation' | 'vic_MethodOfRecruitment',
    label: string,
    data: { value: string; label: string }[],
    disabled = false,
  ) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <MultiSelect
          label={label}
          data={data}
          value={field.value}
          onChange={field.onChange}
          error={invalid(fieldState.error)}
          disabled={disabled}
        />
      )}
    />
  );
  const number = (
    name: 'person.local_BirthYear' | 'local_AgeAtIntake' | 'vic_AgeWhenTrafficked',
    label: string,
    min: number,
    max: number,
    disabled = false,
  ) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          value={field.value}
          onChange={field.onChange}
          min={min}
          max={max}
          error={invalid(fieldState.error)}
          disabled={disabled}
        />
      )}
    />
  );
  const existing = Boolean(personId);
  return (
    <Stack maw={900}>
      <Title order={1}>{t('cases.intakeTitle')}</Title>
      {offline && (
        <Alert color="blue" role="status">
          {t('field.intakeNote')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('cases.person')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('person.prs_FirstName', t('cases.givenNames'))}
          {text('person.prs_SecondName', t('cases.surnames'))}
          <TextInput
            type="date"
            label={t('cases.birthdate')}
            {...form.register('person.prs_Birthdate')}
            error={invalid(errors.person?.prs_Birthdate)}
            disabled={existing}
          />
          {number('person.local_BirthYear', t('cases.birthYear'), 1900, 2100, existing)}
          {select('person.prs_Gender', t('cases.gender'), opts(htcds.prs_Gender, 'prs_Gender'), existing)}
          {select(
            'person.local_Ethnicity',
            t('cases.ethnicity'),
            opts(local.local_Ethnicity, 'local_Ethnicity'),
            existing,
          )}
          {multi(
            'person.local_Languages',
            t('cases.languages'),
            opts(local.local_Languages, 'local_Languages'),
            existing,
          )}
          {text('person.prs_IdentityNumber', t('cases.identity'))}
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
          <Controller
            control={form.control}
            name="division"
            render={({ field }) => (
              <DivisionPicker label={t('cases.division')} value={field.value} onChange={field.onChange} />
            )}
          />
          {number('local_AgeAtIntake', t('cases.ageAtIntake'), 0, 120)}
          {number('vic_AgeWhenTrafficked', t('cases.ageWhenTrafficked'), 0, 120)}
          {multi(
            'vic_TypeOfExploitation',
            t('cases.exploitation'),
            opts(htcds.vic_TypeOfExploitation, 'vic_TypeOfExploitation'),
          )}
          {multi(
            'vic_MethodOfRecruitment',
            t('cases.recruitment'),
            opts(htcds.vic_MethodOfRecruitment, 'vic_MethodOfRecruitment'),
          )}
          {select(
            'vic_RelationshipToTrafficker',
            t('cases.relationship'),
            opts(htcds.vic_RelationshipToTrafficker, 'vic_RelationshipToTrafficker'),
          )}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('cases.events')}
        </Title>
        {events.fields.map((e, i) => (
          <SimpleGrid key={e.id} cols={{ base: 1, sm: 4 }} mb="sm">
            <Controller
              control={form.control}
              name={`events.${i}.hte_Type`}
              render={({ field }) => (
                <Select
                  label={t('cases.eventType')}
                  data={opts(htcds.hte_Type, 'hte_Type')}
                  value={field.value}
                  onChange={(v) => field.onChange(v ?? 'Recruitment')}
                />
              )}
            />
            <TextInput
              label={t('cases.eventCountry')}
              maxLength={2}
              {...form.register(`events.${i}.hte_Country`)}
              error={invalid(errors.events?.[i]?.hte_Country)}
            />
            <TextInput
              label={t('cases.eventMonth')}
              {...form.register(`events.${i}.hte_Date`)}
              error={invalid(errors.events?.[i]?.hte_Date)}
            />
            <TextInput
              label={t('cases.eventDescription')}
              {...form.register(`events.${i}.hte_Description`)}
              error={invalid(errors.events?.[i]?.hte_Description)}
            />
          </SimpleGrid>
        ))}
        <Button
          variant="light"
          size="xs"
          onClick={() => events.append({ hte_Type: 'Recruitment', hte_Country: '', hte_Date: '', hte_Description: '' })}
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
        <Button onClick={() => submit(false)} loading={save.isPending} disabled={!division}>
          {t('cases.open')}
        </Button>
        <Button variant="light" onClick={() => submit(true)} disabled={!division}>
          {t('cases.saveDraft')}
        </Button>
      </Group>
    </Stack>
  );
}
