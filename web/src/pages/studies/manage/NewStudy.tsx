import { Alert, Button, Paper, Radio, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api';
import { useSession } from '../../../session';
import { createStudy, type Respondents, studyKeys, type Texts } from './api';
import { PlacesInput } from './Places';
import { TextsInput } from './texts';

/** Server field problems by their first path segment (title, purpose, places, consent, respondents). */
function fieldErrors(e: unknown): Record<string, string> {
  const fields = e instanceof ApiError ? (e.body.fields as { path: string; message: string }[] | undefined) : undefined;
  const out: Record<string, string> = {};
  for (const f of fields ?? []) {
    const key = f.path.split(/[.[]/)[0] ?? f.path;
    out[key] ??= f.message;
  }
  return out;
}

/** A researcher starts a study: its title, purpose and consent script in three languages, places and respondents. */
export function NewStudy() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const country = session?.user.scope.country ?? 'EC';
  const [title, setTitle] = useState<Texts>({});
  const [purpose, setPurpose] = useState<Texts>({});
  const [consent, setConsent] = useState<Texts>({});
  const [places, setPlaces] = useState<string[]>([]);
  const [respondents, setRespondents] = useState<Respondents>('anonymous');
  const [local, setLocal] = useState<Record<string, string>>({});
  const clean = (x: Texts) => Object.fromEntries(Object.entries(x).filter(([, v]) => v.trim()));
  const create = useMutation({
    mutationFn: () =>
      createStudy({ title: clean(title), purpose: clean(purpose), consent: clean(consent), places, respondents }),
    onSuccess: (s) => {
      qc.invalidateQueries({ queryKey: studyKeys.list() });
      navigate(`/studies/${s.id}`);
    },
  });
  const submit = () => {
    // The same checks the server makes, at the field, before sending.
    const needed = t('studies.new.needSpanish');
    const problems: Record<string, string> = {};
    if (!title.es?.trim()) problems.title = needed;
    if (!purpose.es?.trim()) problems.purpose = needed;
    if (!consent.es?.trim()) problems.consent = needed;
    if (places.length === 0) problems.places = t('studies.new.needPlace');
    setLocal(problems);
    if (Object.keys(problems).length === 0) create.mutate();
  };
  const errors = { ...fieldErrors(create.error), ...local };
  const general = create.error && Object.keys(fieldErrors(create.error)).length === 0 ? create.error.message : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-study-title">
      <Stack gap="sm" maw={720}>
        <Title order={2} size="h3" id="new-study-title">
          {t('studies.new.title')}
        </Title>
        <TextsInput legend={t('studies.studyTitle')} value={title} onChange={setTitle} required error={errors.title} />
        <TextsInput
          legend={t('studies.purpose')}
          value={purpose}
          onChange={setPurpose}
          multiline
          required
          error={errors.purpose}
        />
        <PlacesInput country={country} value={places} onChange={setPlaces} error={errors.places} />
        <TextsInput
          legend={t('studies.consent')}
          value={consent}
          onChange={setConsent}
          multiline
          required
          error={errors.consent}
        />
        <Radio.Group
          label={t('studies.respondents')}
          value={respondents}
          onChange={(v) => setRespondents(v as Respondents)}
          error={errors.respondents}
        >
          <Stack gap={6} mt={6}>
            <Radio value="anonymous" label={t('studies.respondentKinds.anonymous')} />
            <Radio value="pseudonymous" label={t('studies.respondentKinds.pseudonymous')} />
          </Stack>
        </Radio.Group>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Button onClick={submit} loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('studies.new.create')}
        </Button>
      </Stack>
    </Paper>
  );
}
