import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textFor } from '../../../../src/shared/xlsform';
import type { Answers, FormDef } from '../../../../src/shared/xlsform/types';
import { ApiError, type ApiResponse, client, ok } from '../../api';
import { AnswersSummary, initialAnswers, useAnswerIssues, XlsFormView } from '../../components/xlsform';
import { formatDateTime, localToday } from '../../format';
import { Section } from './sections';

type CaseForms = ApiResponse<'/api/cases/{id}/forms'>;
type FormSection = CaseForms['sections'][number];

const formsKey = (caseId: string) => ['case', caseId, 'forms'] as const;
/** Today on this device, as the form's date rules read it. */

/**
 * The forms an administrator attached to the case's places, each as a section: the answers with the form's labels,
 * and (for those who may change the case) an Edit button that opens the form. The server checks the answers with
 * the same rules and answers on the record version read; if someone saved first, the person is told so.
 */
export function CaseFormsPart({ caseId }: { caseId: string }) {
  const q = useQuery({
    queryKey: formsKey(caseId),
    queryFn: () => ok(client.GET('/api/cases/{id}/forms', { params: { path: { id: caseId } } })),
  });
  if (!q.data?.sections.length) return null;
  return (
    <Stack data-part="case-forms">
      {q.data.sections.map((s) => (
        <FormPart key={s.formId} caseId={caseId} s={s} canEdit={q.data.canEdit} />
      ))}
    </Stack>
  );
}

function FormPart({ caseId, s, canEdit }: { caseId: string; s: FormSection; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const form = s.form as FormDef;
  const today = localToday();
  const [draft, setDraft] = useState<Answers | null>(null);
  const [conflict, setConflict] = useState(false);
  const answerIssues = useAnswerIssues(form, today);
  const save = useMutation({
    mutationFn: (answers: Answers) =>
      ok(
        client.PUT('/api/cases/{id}/forms/{sub}', {
          params: { path: { id: caseId, sub: s.formId } },
          body: { answers, version: s.answers?.version ?? 0, formVersion: s.number },
        }),
      ),
    onSuccess: (saved) => {
      qc.setQueryData<CaseForms>(formsKey(caseId), (old) =>
        old ? { ...old, sections: old.sections.map((x) => (x.formId === saved.formId ? saved : x)) } : old,
      );
      setDraft(null);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409 && e.code === 'form_answers_changed') setConflict(true);
      else answerIssues.fromError(e);
    },
  });
  const edit = () => {
    // Answers given on an older version keep only what the newest version still asks.
    setConflict(false);
    save.reset();
    // Earlier answers the current form still asks (inside repeats too), over the form's defaults.
    setDraft(initialAnswers(form, today, (s.answers?.values as Answers | undefined) ?? null));
  };
  const submit = () => {
    if (!draft) return;
    const checked = answerIssues.check(draft);
    if (checked.ok) save.mutate(checked.answers);
  };
  const title = textFor(s.title, form, i18n.language) || textFor(form.title, form, i18n.language);
  const shownForm = (s.answers?.form ?? form) as FormDef;
  return (
    // A named region per form, so a person (or a test) can tell two attached forms apart.
    <section aria-label={title}>
      <Section title={title}>
        <Stack>
          {draft ? (
            <>
              <XlsFormView
                form={form}
                value={draft}
                onChange={setDraft}
                issues={answerIssues.issues}
                today={today}
                idPrefix={`cf-${s.formId.slice(0, 8)}`}
              />
              {conflict && (
                <Alert color="orange" role="alert">
                  <Stack gap="xs">
                    <Text size="sm">{t('forms.case.conflict')}</Text>
                    <Button
                      w="fit-content"
                      variant="light"
                      onClick={() => {
                        setDraft(null);
                        setConflict(false);
                        void qc.invalidateQueries({ queryKey: formsKey(caseId) });
                      }}
                    >
                      {t('forms.case.reload')}
                    </Button>
                  </Stack>
                </Alert>
              )}
              {save.error && !conflict && !answerIssues.issues.length && (
                <Alert color="red" role="alert">
                  {save.error.message}
                </Alert>
              )}
              <Group>
                <Button onClick={submit} loading={save.isPending}>
                  {t('forms.case.save')}
                </Button>
                <Button variant="default" onClick={() => setDraft(null)}>
                  {t('forms.case.cancel')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              {s.answers ? (
                <>
                  <AnswersSummary form={shownForm} answers={s.answers.values as Answers} />
                  <Text size="xs" c="dimmed">
                    {t('forms.case.savedBy', {
                      name: s.answers.updatedBy || t('record.someone'),
                      date: formatDateTime(s.answers.updatedAt),
                      number: s.answers.formVersion,
                    })}
                  </Text>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('forms.case.none')}
                </Text>
              )}
              {canEdit && (
                <Button w="fit-content" variant="light" onClick={edit}>
                  {s.answers ? t('forms.case.edit') : t('forms.case.answer')}
                </Button>
              )}
            </>
          )}
        </Stack>
      </Section>
    </section>
  );
}
