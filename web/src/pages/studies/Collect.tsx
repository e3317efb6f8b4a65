import { Alert, Badge, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { validateAnswers } from '../../../../src/shared/xlsform';
import { initialAnswers, issuesFromError, XlsFormView } from '../../components/xlsform';
import { localToday } from '../../format';
import { useFieldCopyActivity } from '../../offline/activity';
import {
  dropInterview,
  keepInterview,
  keepStudy,
  type PendingInterview,
  type SubmissionBody,
} from '../../offline/studies';
import { useVault } from '../../offline/vault';
import { useSession } from '../../session';
import { type Interview, newInterview } from './collect/interview';
import { KeepProblem, PendingPanel } from './collect/Pending';
import { ConsentStep, PlaceStep, SavedNotice } from './collect/steps';
import { placeErrors, sendInterview } from './collect/submit';
import { textIn } from './collect/text';
import { StudyLoadError, useCollectStudy } from './collect/useCollectStudy';

/** As the server checks it: letters, digits and dashes with at least one digit (a study code, never a name). */
const respondentCodePattern = /^(?=.*[0-9])[A-Za-z0-9-]{3,40}$/;

const focusable = 'input:not([type=hidden]), select, textarea, button, [tabindex]';

type Outcome =
  | { kind: 'sent'; code?: string }
  | { kind: 'kept' }
  | { kind: 'needUnlock'; body: SubmissionBody }
  | { kind: 'noVault' }
  | { kind: 'otherOwner' };

/**
 * The interviewer's page, phone first: the consent script read in full and agreed, the parish (and an optional
 * respondent code), then the questionnaire. Answers are checked in the browser with the server's own rules before
 * they go; without a connection the interview is kept sealed in the field copy and sent later, exactly once.
 */
export function StudyCollect() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const inField = pathname.startsWith('/field');
  const { online } = useNetwork();
  const vault = useVault();
  const { data: session } = useSession();
  const loaded = useCollectStudy(id);
  const [interview, setInterview] = useState<Interview>(() => newInterview());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const top = useRef<HTMLDivElement>(null);
  const steps = useRef<HTMLDivElement>(null);
  const study = loaded.data?.study;
  const form = study?.form?.definition;

  // The field copy's state (no passphrase needed); activity keeps an open copy open, as on the field pages.
  useFieldCopyActivity();

  // Once the device has a field copy, the study is kept on it (so it opens again without a connection).
  const hasCopy = vault.status === 'open' || vault.status === 'locked';
  useEffect(() => {
    if (hasCopy && loaded.data && !loaded.data.fromDevice) void keepStudy(loaded.data.study).catch(() => undefined);
  }, [hasCopy, loaded.data]);

  // First answers of a new interview (defaults, today's date) once the form is known.
  useEffect(() => {
    if (form && interview.answers === null)
      setInterview((i) => ({ ...i, answers: initialAnswers(form, localToday()) }));
  }, [form, interview.answers]);

  // After a refused attempt: the first field with a problem gets the focus (and comes into view).
  useEffect(() => {
    if (!attempt) return;
    const frame = requestAnimationFrame(() => {
      const first = steps.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      // A group of choices is marked on its fieldset: its first choice takes the focus.
      const input = first?.matches(focusable) ? first : first?.querySelector<HTMLElement>(focusable);
      const target = input ?? steps.current?.querySelector<HTMLElement>('[data-collect-alert]');
      (first ?? target)?.scrollIntoView({ block: 'center' });
      target?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [attempt]);

  const ownerMismatch = Boolean(session && vault.device && session.user.id !== vault.device.userId);
  /** Keeps an interview that could not be sent, sealed in the field copy (or says what is missing for that). */
  const keep = async (body: SubmissionBody) => {
    if (!study) return;
    if (vault.status === 'absent') return setOutcome({ kind: 'noVault' });
    if (ownerMismatch || !vault.device) return setOutcome({ kind: 'otherOwner' });
    if (vault.status !== 'open') return setOutcome({ kind: 'needUnlock', body });
    await keepInterview({ id: interview.key, studyId: study.id, body }, vault.device.userId);
    setOutcome({ kind: 'kept' });
  };
  // The copy was opened to keep an interview: it is kept now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the copy opens while an interview waits for it
  useEffect(() => {
    if (outcome?.kind === 'needUnlock' && vault.status === 'open') void keep(outcome.body);
  }, [outcome, vault.status]);

  if (loaded.isPending) return <Loader aria-label={t('studies.collect.loading')} />;
  if (study && !form) return <Alert color="gray">{t('studies.collect.notCollecting')}</Alert>;
  if (loaded.error || !study || !form) {
    const why = loaded.error instanceof StudyLoadError ? loaded.error.why : 'failed';
    return (
      <Alert color="orange" role="alert" title={t('studies.collect.cannotOpen')}>
        {t(`studies.collect.loadError.${why}`)}
      </Alert>
    );
  }

  const lang = i18n.language;
  const title = textIn(study.title, form, lang);
  const canCollect = study.status === 'open' && study.abilities?.collect !== false;
  const reset = () => {
    setInterview(newInterview(form));
    setOutcome(null);
    top.current?.scrollIntoView({ block: 'start' });
  };

  const submit = async () => {
    const now = new Date().toISOString();
    const result = validateAnswers(form, interview.answers ?? {}, { today: localToday(), now });
    const code = interview.code.trim();
    const errors: Interview['errors'] = {};
    if (!interview.division) errors.division = t('studies.collect.parishRequired');
    if (study.respondents === 'pseudonymous' && code && !respondentCodePattern.test(code))
      errors.respondentCode = t('studies.collect.respondentCodeInvalid');
    setInterview((i) => ({ ...i, issues: result.issues, errors, alert: null }));
    if (!result.ok || Object.values(errors).some(Boolean)) return setAttempt((a) => a + 1);
    const collectedAt = interview.collectedAt ?? now;
    const body: SubmissionBody = {
      formVersion: study.form!.number,
      division: interview.division!,
      ...(study.respondents === 'pseudonymous' && code ? { respondentCode: code } : {}),
      consent: true,
      collectedAt,
      answers: result.answers,
    };
    setInterview((i) => ({ ...i, collectedAt }));
    setBusy(true);
    try {
      const sent = await sendInterview(study.id, interview.key, body);
      if (sent.kind === 'sent') {
        await dropInterview(interview.key).catch(() => undefined);
        setOutcome({ kind: 'sent', ...(sent.code ? { code: sent.code } : {}) });
        top.current?.scrollIntoView({ block: 'start' });
      } else if (sent.kind === 'invalid') {
        setInterview((i) => ({
          ...i,
          issues: issuesFromError(sent.body),
          errors: placeErrors(sent.fields),
          alert: sent.message,
        }));
        setAttempt((a) => a + 1);
      } else if (sent.kind === 'refused') {
        setInterview((i) => ({ ...i, alert: sent.message || t('app.unexpected') }));
        setAttempt((a) => a + 1);
      } else await keep(body);
    } finally {
      setBusy(false);
    }
  };

  const correct = (p: PendingInterview) => {
    setOutcome(null);
    setInterview({
      key: p.id,
      collectedAt: p.body.collectedAt,
      agreed: true,
      division: p.body.division,
      code: p.body.respondentCode ?? '',
      answers: p.body.answers,
      issues: p.issues ?? [],
      errors: placeErrors(p.fields),
      alert: p.message ?? null,
      correcting: true,
    });
    setAttempt((a) => a + 1);
  };

  const problems = interview.issues.length + Object.values(interview.errors).filter(Boolean).length;
  return (
    <Stack gap="md" maw={720} ref={top} style={{ minWidth: 0 }}>
      <div>
        <Text size="sm" c="dimmed">
          {t('studies.collect.title')}
        </Text>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {!inField && (
          <Badge color={online ? 'teal' : 'orange'} role="status" mt={4}>
            {online ? t('field.online') : t('field.offline')}
          </Badge>
        )}
        {loaded.data.fromDevice && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('studies.collect.fromDevice')}
          </Text>
        )}
      </div>
      {vault.status === 'absent' && (
        <Alert color={online ? 'blue' : 'orange'} title={t('studies.collect.noVaultTitle')}>
          <Text size="sm">{t('studies.collect.noVaultHelp')}</Text>
          {!inField && (
            <Button component={Link} to="/field" size="compact-sm" mt="xs">
              {t('studies.collect.setUpField')}
            </Button>
          )}
        </Alert>
      )}
      {ownerMismatch && <Alert color="orange">{t('studies.collect.otherOwner')}</Alert>}
      <PendingPanel studyId={study.id} onCorrect={correct} />
      {!canCollect ? (
        <Alert color="gray">{t('studies.collect.notCollecting')}</Alert>
      ) : outcome?.kind === 'sent' || outcome?.kind === 'kept' ? (
        <SavedNotice outcome={outcome} onNext={reset} />
      ) : (
        <Stack gap="md" ref={steps}>
          {interview.correcting && <Alert color="blue">{t('studies.collect.correcting')}</Alert>}
          <ConsentStep
            script={textIn(study.consent, form, lang)}
            agreed={interview.agreed}
            locked={interview.correcting}
            onAgree={(agreed) => setInterview((i) => ({ ...i, agreed }))}
          />
          {interview.agreed && (
            <>
              <PlaceStep
                study={study}
                division={interview.division}
                onDivision={(division) =>
                  setInterview((i) => ({ ...i, division, errors: { ...i.errors, division: undefined } }))
                }
                code={interview.code}
                onCode={(code) =>
                  setInterview((i) => ({ ...i, code, errors: { ...i.errors, respondentCode: undefined } }))
                }
                errors={interview.errors}
              />
              <section aria-labelledby="collect-form">
                <Title order={2} size="h4" id="collect-form" mb="xs">
                  {t('studies.collect.step3')}
                </Title>
                {interview.answers && (
                  <XlsFormView
                    form={form}
                    value={interview.answers}
                    onChange={(answers) => setInterview((i) => ({ ...i, answers }))}
                    issues={interview.issues}
                    today={localToday()}
                    idPrefix="collect-q"
                  />
                )}
              </section>
              {(problems > 0 || interview.alert) && (
                <Alert color="red" role="alert" tabIndex={-1} data-collect-alert>
                  {interview.alert && <Text size="sm">{interview.alert}</Text>}
                  {problems > 0 && <Text size="sm">{t('studies.collect.problems', { count: problems })}</Text>}
                </Alert>
              )}
              <KeepProblem outcome={outcome?.kind} />
              <Button onClick={() => void submit()} loading={busy} size="md" w="fit-content">
                {t('studies.collect.submit')}
              </Button>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
