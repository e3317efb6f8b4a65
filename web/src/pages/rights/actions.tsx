import { Alert, Button, List, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AnswerOutcome,
  type PersonFlag,
  type RefusalReason,
  refusalReasons,
} from '../../../../src/modules/rights/vocabulary';
import { ApiError } from '../../api';
import { EnumSelect } from '../../components/EnumSelect';
import { errorAt, errorElsewhere } from '../cases/kit/errors';
import { Submit } from '../cases/kit/form';
import { api, outcomes, type RequestDetail, useRightsWrite } from './data';
import { Part } from './part';

const red9 = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;

/** What keeps a person's records, in words: "Legal hold on case GUA-2026-0002". */
export function Blockers({ blockers }: { blockers: { reason: string; caseCode: string }[] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={4}>
      {blockers.map((b) => (
        <List.Item key={`${b.reason}-${b.caseCode}`}>
          {t(`rights.blockers.${b.reason}`, { code: b.caseCode })}
        </List.Item>
      ))}
    </List>
  );
}

/** The reasons a refused erasure came back with (409 erasure_blocked), if any. */
const refusedBecause = (e: unknown) =>
  e instanceof ApiError && Array.isArray(e.body.reasons)
    ? (e.body.reasons as { reason: string; caseCode: string }[])
    : [];

/**
 * Erasure as anonymisation: what it destroys and keeps, what blocks it now (a legal hold or an open proceeding, named
 * with the case), and the button behind the case code typed as confirmation. The server decides again when asked.
 */
export function ErasePart({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const erase = useRightsWrite((code: string) => api.erase(r.id, code));
  const blockers = r.blockers ?? [];
  const refused = refusedBecause(erase.error);
  const matches = typed.trim().toUpperCase() === r.caseCode.toUpperCase();
  return (
    <Part title={t('rights.erase.title')} part="erase">
      <Stack gap="sm" style={red9}>
        <Text size="sm">{t('rights.erase.what')}</Text>
        <Text size="sm">{t('rights.erase.kept')}</Text>
        {blockers.length > 0 && (
          <Alert color="orange" title={t('rights.erase.blocked')} data-blockers>
            <Blockers blockers={blockers} />
          </Alert>
        )}
        {blockers.length > 0 && <Text size="sm">{t('rights.erase.refuseBelow')}</Text>}
        {r.abilities.erase && (
          <TextInput
            label={t('rights.erase.confirm', { code: r.caseCode })}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            error={errorAt(erase.error, 'confirmCode')}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
          />
        )}
        {erase.error && (
          <Alert color="red" role="alert" title={t('rights.erase.refused')}>
            <Stack gap={4}>
              {errorElsewhere(erase.error, ['confirmCode']) && <Text size="sm">{erase.error.message}</Text>}
              {refused.length > 0 && <Blockers blockers={refused} />}
            </Stack>
          </Alert>
        )}
        {r.abilities.erase && (
          <Submit
            pending={erase.isPending}
            disabled={!matches}
            color="red.9"
            onClick={() => erase.mutate(typed.trim())}
          >
            {t('rights.erase.button')}
          </Submit>
        )}
      </Stack>
    </Part>
  );
}

/** Sets the flag the request asks for (restriction or objection) on the person: referrals and exports stop. */
export function FlagButton({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const set = useRightsWrite(() => api.setFlag(r.id, r.right as PersonFlag));
  return (
    <Stack gap="xs">
      {set.error && (
        <Alert color="red" role="alert">
          {set.error.message}
        </Alert>
      )}
      <Button w="fit-content" variant="light" loading={set.isPending} onClick={() => set.mutate(undefined)}>
        {t(`rights.flags.set.${r.right}`)}
      </Button>
    </Stack>
  );
}

const fields = ['outcome', 'note', 'refusalReason'] as const;

/** Closes the request: answered, refused (with the reason) or withdrawn, with a note kept sealed. */
export function AnswerForm({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const answer = useRightsWrite((body: { outcome: AnswerOutcome; note: string; refusalReason?: RefusalReason }) =>
    api.answer(r.id, body),
  );
  // A refusal names its ground (the note says it in the person's words).
  const coded = outcome === 'refused';
  const submit = () => {
    const problems: Record<string, string> = {};
    if (!outcome) problems.outcome = t('rights.form.required');
    if (!note.trim()) problems.note = t('rights.form.required');
    if (coded && !reason) problems.refusalReason = t('rights.form.required');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    answer.mutate({
      outcome: outcome as AnswerOutcome,
      note: note.trim(),
      ...(coded && reason ? { refusalReason: reason as RefusalReason } : {}),
    });
  };
  const err = (f: (typeof fields)[number]) => local[f] ?? errorAt(answer.error, f);
  return (
    <Stack gap="sm" style={red9}>
      <Text size="sm">{t('rights.answer.intro')}</Text>
      <EnumSelect
        label={t('rights.answer.outcome')}
        values={outcomes}
        prefix="rights.answer.outcomes"
        value={outcome}
        onChange={setOutcome}
        error={err('outcome')}
        required
      />
      {coded && (
        <EnumSelect
          label={t('rights.answer.reason')}
          values={refusalReasons}
          prefix="rights.refusals"
          value={reason}
          onChange={setReason}
          error={err('refusalReason')}
          required
        />
      )}
      <Textarea
        label={t('rights.answer.note')}
        description={t(outcome === 'refused' ? 'rights.answer.noteRefused' : 'rights.answer.noteHelp')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={err('note')}
        autosize
        minRows={2}
        maxLength={2000}
        required
      />
      {errorElsewhere(answer.error, fields) && (
        <Alert color="red" role="alert">
          {errorElsewhere(answer.error, fields)}
        </Alert>
      )}
      <Submit pending={answer.isPending} onClick={submit}>
        {t('rights.answer.save')}
      </Submit>
    </Stack>
  );
}
