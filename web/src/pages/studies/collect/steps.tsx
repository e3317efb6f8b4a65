import { Alert, Button, Checkbox, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectStudy } from '../../../offline/studies';

/** Red dark enough for text on white (the theme's error red is not). */
const errorColor = 'var(--mantine-color-red-9)';
/** An input in error keeps readable text (Mantine turns its text and placeholder the light error red). */
const readableError = {
  '--input-color': 'var(--mantine-color-text)',
  '--input-placeholder-color': 'var(--mantine-color-dimmed)',
} as CSSProperties;

/** Step 1: the consent script, in full, and the interviewer's statement that the person agrees. */
export function ConsentStep({
  script,
  agreed,
  onAgree,
  locked,
}: {
  script: string;
  agreed: boolean;
  onAgree: (v: boolean) => void;
  /** A kept interview being corrected: its consent was given when it was collected. */
  locked?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="collect-consent">
      <Title order={2} size="h4" id="collect-consent" mb="xs">
        {t('studies.collect.step1')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('studies.collect.consentHelp')}
      </Text>
      <Paper
        bg="gray.0"
        p="sm"
        mb="sm"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        data-testid="consent-script"
      >
        <Text size="md">{script}</Text>
      </Paper>
      <Checkbox
        id="collect-consent-agree"
        label={t('studies.collect.consentAgree')}
        description={agreed ? undefined : t('studies.collect.consentRequired')}
        checked={agreed}
        disabled={locked}
        onChange={(e) => onAgree(e.currentTarget.checked)}
        required
      />
    </Paper>
  );
}

/** Step 2: the parish (labels only) and, for a pseudonymous study, an optional respondent code. */
export function PlaceStep({
  study,
  division,
  onDivision,
  code,
  onCode,
  errors,
}: {
  study: CollectStudy;
  division: string | null;
  onDivision: (v: string | null) => void;
  code: string;
  onCode: (v: string) => void;
  errors: { division?: string; respondentCode?: string };
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="collect-place">
      <Title order={2} size="h4" id="collect-place" mb="xs">
        {t('studies.collect.step2')}
      </Title>
      <Stack gap="sm">
        <Select
          id="collect-division"
          label={t('studies.collect.parish')}
          description={t('studies.collect.parishPick')}
          data={study.places.map((p) => ({ value: p.code, label: p.label }))}
          value={division}
          onChange={onDivision}
          error={errors.division}
          errorProps={{ style: { color: errorColor } }}
          styles={{ input: readableError }}
          searchable={study.places.length > 8}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          required
        />
        {study.respondents === 'pseudonymous' ? (
          <TextInput
            id="collect-respondentCode"
            label={t('studies.collect.respondentCode')}
            description={t('studies.collect.respondentCodeHelp')}
            value={code}
            onChange={(e) => onCode(e.currentTarget.value)}
            error={errors.respondentCode}
            errorProps={{ style: { color: errorColor } }}
            styles={{ input: readableError }}
            autoComplete="off"
            maxLength={60}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('studies.collect.anonymousNote')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** After saving: the code the server gave, or the note that the interview waits on the device. */
export function SavedNotice({
  outcome,
  onNext,
}: {
  outcome: { kind: 'sent'; code?: string } | { kind: 'kept' };
  onNext: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color={outcome.kind === 'sent' ? 'teal' : 'blue'} role="status" data-testid="collect-saved">
        <Text fw={700}>
          {outcome.kind === 'kept'
            ? t('studies.collect.kept')
            : outcome.code
              ? t('studies.collect.saved', { code: outcome.code })
              : t('studies.collect.savedNoCode')}
        </Text>
        {outcome.kind === 'kept' && <Text size="sm">{t('studies.collect.keptHelp')}</Text>}
      </Alert>
      <Button onClick={onNext} w="fit-content" data-autofocus>
        {t('studies.collect.next')}
      </Button>
    </Stack>
  );
}
