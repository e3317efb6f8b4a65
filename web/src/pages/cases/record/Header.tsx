import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../../api';
import { has, useSession } from '../../../session';
import { FieldMark } from '../../field/FieldMark';
import type { CaseDetail } from '../CasePage';
import { sees } from '../shared';
import { useFieldText } from './display';

type Saved = (c: CaseDetail) => void;

/**
 * The case at a glance: code, name, age or "age unknown", minor, place, status, stage, caseworker, open tasks;
 * then what asks for action: a draft's missing data and "Open the case", a report's suggestions to confirm, other
 * records that may be the same person (to merge) and a merge to undo.
 */
export function CaseHeader({ c, onSaved, refresh }: { c: CaseDetail; onSaved: Saved; refresh: () => void }) {
  const { t } = useTranslation();
  const text = useFieldText();
  const { data: session } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const [merging, setMerging] = useState<string | null>(null);
  const run = async (call: () => Promise<unknown>, after: (r: unknown) => void) => {
    setFailure(null);
    try {
      after(await call());
    } catch (e) {
      setFailure((e as Error).message);
    }
  };
  const recordForms = (forms: string[]) =>
    run(
      () =>
        ok(
          client.PATCH('/api/cases/{id}', {
            params: { path: { id: c.id } },
            body: { version: c.version, fields: { vic_TypeOfExploitation: forms } } as never,
          }),
        ),
      (r) => onSaved(r as CaseDetail),
    );
  const name = [c.person.prs_FirstName, c.person.prs_SecondName].filter(Boolean).join(' ');
  const openTasks = c.tasks.filter((k) => !k.doneAt).length;
  const suggested = c.suggestions.vic_TypeOfExploitation ?? [];
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Title order={1}>{c.code}</Title>
        {/* Colours dark enough for their small text (WCAG AA). */}
        <Badge variant="filled" color="teal.9">
          {t(`htcds.cas_Status.${c.status}`)}
        </Badge>
        <Badge variant="outline" color="dark">
          {t(`htcds.local_CaseStage.${c.stage}`)}
        </Badge>
        {c.isMinor && (
          <Badge variant="filled" color="red.9">
            {t('cases.minor')}
          </Badge>
        )}
        {c.abilities.update && has(session, 'cases:write') && <FieldMark caseId={c.id} />}
      </Group>
      {sees(c, 'identity') && <Text size="lg">{name || t('record.unnamed')}</Text>}
      <Text size="sm" c="gray.7">
        {[
          // A receiver is told only what was shared: no "age unknown" or "no open tasks" for a section it lacks.
          !sees(c, 'age')
            ? null
            : c.ageAtIntake === null
              ? t('record.ageUnknown')
              : t('record.age', { count: c.ageAtIntake }),
          c.division.label,
          c.assignedUser?.name ? t('record.assigned', { name: c.assignedUser.name }) : null,
          sees(c, 'tasks') ? t('record.openTasks', { count: openTasks }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {c.stage === 'Draft' && (
        <Alert color="blue" title={t('record.draft')}>
          <Stack gap="xs">
            <Text size="sm">
              {c.missing.length
                ? t('record.missing', { list: c.missing.map((m) => t(`htcds.missing.${m}`)).join(', ') })
                : t('record.readyToOpen')}
            </Text>
            {c.abilities.edit && (
              <Button
                w="fit-content"
                disabled={c.missing.length > 0}
                onClick={() =>
                  run(
                    () =>
                      ok(
                        client.POST('/api/cases/{id}/open', {
                          params: { path: { id: c.id } },
                          body: { version: c.version },
                        }),
                      ),
                    (r) => onSaved(r as CaseDetail),
                  )
                }
              >
                {t('record.openCase')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {suggested.length > 0 && (
        <Alert color="blue" title={t('record.suggestedTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('record.suggested', { list: text('vic_TypeOfExploitation', suggested) })}</Text>
            {c.abilities.edit && (
              <Group gap="xs">
                <Button
                  size="compact-sm"
                  onClick={() => recordForms([...new Set([...c.vic_TypeOfExploitation, ...suggested])])}
                >
                  {t('record.confirm')}
                </Button>
                {/* Saving the forms as they are clears the suggestion without recording it. */}
                <Button size="compact-sm" variant="default" onClick={() => recordForms(c.vic_TypeOfExploitation)}>
                  {t('record.dismiss')}
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      {c.duplicates.length > 0 && c.abilities.merge && (
        <Alert color="grape" title={t('record.duplicatesTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('record.duplicatesHelp')}</Text>
            {c.duplicates.map((d) => (
              <Group key={d.personId} justify="space-between" wrap="wrap">
                <Text size="sm">
                  {d.name} {d.birthYear ? `(${d.birthYear})` : ''} · {d.caseCodes.join(', ')}
                </Text>
                {merging === d.personId ? (
                  <Button
                    size="compact-sm"
                    color="grape"
                    onClick={() =>
                      run(
                        () =>
                          ok(
                            client.POST('/api/persons/{id}/merge', {
                              params: { path: { id: d.personId } },
                              body: { into: c.person.id },
                            }),
                          ),
                        () => {
                          setMerging(null);
                          refresh();
                        },
                      )
                    }
                  >
                    {t('record.confirmMerge')}
                  </Button>
                ) : (
                  <Button size="compact-sm" variant="outline" color="grape.9" onClick={() => setMerging(d.personId)}>
                    {t('record.merge')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      {c.mergedFrom && c.abilities.merge && (
        <Alert color="gray" title={t('record.mergedTitle')}>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">{t('record.mergedHelp')}</Text>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() =>
                run(
                  () => ok(client.POST('/api/persons/{id}/unmerge', { params: { path: { id: c.mergedFrom! } } })),
                  () => refresh(),
                )
              }
            >
              {t('record.unmerge')}
            </Button>
          </Group>
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
