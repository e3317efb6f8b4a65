import { Alert, Button, Group, Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api';
import type { Respondents, StudyWrite, Texts } from './api';
import { PlacesInput } from './Places';
import { readableError, TextsInput } from './texts';

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

const clean = (x: Texts) => Object.fromEntries(Object.entries(x).filter(([, v]) => v.trim()));

/**
 * A study's title, purpose and consent script in three languages, its places and (when new) its respondents.
 * Checks what the server checks at each field before sending; the server's own field problems show there too.
 */
export function StudyForm({
  initial,
  country,
  withRespondents,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initial: StudyWrite;
  country: string;
  withRespondents: boolean;
  submitLabel: string;
  busy: boolean;
  error: Error | null;
  onSubmit: (w: StudyWrite) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState<Texts>(initial.title);
  const [purpose, setPurpose] = useState<Texts>(initial.purpose);
  const [consent, setConsent] = useState<Texts>(initial.consent);
  const [places, setPlaces] = useState<string[]>(initial.places);
  const [respondents, setRespondents] = useState<Respondents>(initial.respondents);
  const [local, setLocal] = useState<Record<string, string>>({});
  const submit = () => {
    const needed = t('studies.new.needSpanish');
    const problems: Record<string, string> = {};
    if (!title.es?.trim()) problems.title = needed;
    if (!purpose.es?.trim()) problems.purpose = needed;
    if (!consent.es?.trim()) problems.consent = needed;
    if (places.length === 0) problems.places = t('studies.new.needPlace');
    setLocal(problems);
    if (Object.keys(problems).length === 0)
      onSubmit({ title: clean(title), purpose: clean(purpose), consent: clean(consent), places, respondents });
  };
  const server = fieldErrors(error);
  const errors = { ...server, ...local };
  const general = error && Object.keys(server).length === 0 ? error.message : null;
  return (
    <Stack gap="sm" maw={720}>
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
      {withRespondents && (
        <Radio.Group
          label={t('studies.respondents')}
          value={respondents}
          onChange={(v) => setRespondents(v as Respondents)}
          error={errors.respondents}
          styles={{ error: readableError.error }}
        >
          <Stack gap={6} mt={6}>
            <Radio value="anonymous" label={t('studies.respondentKinds.anonymous')} />
            <Radio value="pseudonymous" label={t('studies.respondentKinds.pseudonymous')} />
          </Stack>
        </Radio.Group>
      )}
      {general && (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      )}
      <Group>
        <Button onClick={submit} loading={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t('studies.edit.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
