import { Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  type AnswerLanguage,
  type RequestChannel,
  type Right,
  rights,
} from '../../../../src/modules/rights/vocabulary';
import { type ApiResponse, client, ok } from '../../api';
import { EnumSelect } from '../../components/EnumSelect';
import { localToday } from '../../format';
import { errorAt, errorElsewhere } from '../cases/kit/errors';
import { DateField, Submit } from '../cases/kit/form';
import { answerLanguages, api, channels, useRightsWrite } from './data';

type Found = ApiResponse<'/api/cases'>['items'][number];
const codePattern = /^[A-Za-z]{3}-\d{4}-\d{4}$/;
const fields = ['caseId', 'right', 'requester', 'channel', 'language', 'receivedOn', 'note'] as const;

/** Finds the case the request is about by its code, within the supervisor's jurisdiction (the case list's search). */
function CaseFinder({ found, onFound }: { found: Found | null; onFound: (c: Found | null) => void }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const search = useMutation({
    mutationFn: async (c: string) => (await ok(client.GET('/api/cases', { params: { query: { code: c } } }))).items,
    onSuccess: (items) => {
      onFound(items[0] ?? null);
      setProblem(items[0] ? null : t('rights.form.noCase'));
    },
  });
  const find = () => {
    const c = code.trim().toUpperCase();
    if (!codePattern.test(c)) return setProblem(t('rights.form.codeHelp'));
    search.mutate(c);
  };
  return (
    <Stack gap="xs">
      <Group align="end" wrap="wrap">
        <TextInput
          label={t('rights.form.caseCode')}
          description={t('rights.form.codeHelp')}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            onFound(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              find();
            }
          }}
          error={problem ?? search.error?.message}
          required
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
        />
        <Button variant="light" onClick={find} loading={search.isPending}>
          {t('rights.form.find')}
        </Button>
      </Group>
      {found && (
        <Paper withBorder p="xs" role="status">
          <Text size="sm">
            {t('rights.form.found', { code: found.code, name: found.name, place: found.division.label })}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}

/**
 * Logs a person's request about their data: the case it was received for (found by its code), the right exercised,
 * who asked, how, in which language the answer goes and the day it arrived (the deadline runs from it).
 */
export function NewRequest() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [found, setFound] = useState<Found | null>(null);
  const [right, setRight] = useState<Right | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [language, setLanguage] = useState<string>('es');
  const [requester, setRequester] = useState('');
  const [receivedOn, setReceivedOn] = useState(localToday());
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useRightsWrite(api.create, (r) => navigate(`/rights/${r.id}`));
  const submit = () => {
    const problems: Record<string, string> = {};
    const required = t('rights.form.required');
    if (!found) problems.caseId = t('rights.form.findFirst');
    if (!right) problems.right = required;
    if (!channel) problems.channel = required;
    if (!requester.trim()) problems.requester = required;
    if (!receivedOn) problems.receivedOn = required;
    setLocal(problems);
    if (Object.keys(problems).length || !found) return;
    save.mutate({
      caseId: found.id,
      right: right as Right,
      requester: requester.trim(),
      channel: channel as RequestChannel,
      language: language as AnswerLanguage,
      receivedOn,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  const err = (f: (typeof fields)[number]) => local[f] ?? errorAt(save.error, f);
  return (
    // Field errors in red 9 (Mantine's default red 6 is under WCAG AA's 4.5:1 on white).
    <Stack maw={640} style={{ '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties}>
      <Title order={1}>{t('rights.new')}</Title>
      <Text>{t('rights.form.intro')}</Text>
      <CaseFinder found={found} onFound={setFound} />
      {local.caseId && !found && (
        <Text c="red.9" size="sm" role="alert">
          {local.caseId}
        </Text>
      )}
      <EnumSelect
        label={t('rights.right')}
        values={rights}
        prefix="rights.rights"
        value={right}
        onChange={(v) => setRight(v as Right)}
        description={right ? t(`rights.rightHelp.${right}`) : undefined}
        error={err('right')}
        required
      />
      <TextInput
        label={t('rights.requester')}
        description={t('rights.form.requesterHelp')}
        value={requester}
        onChange={(e) => setRequester(e.currentTarget.value)}
        error={err('requester')}
        required
        maxLength={200}
      />
      <EnumSelect
        label={t('rights.channel')}
        values={channels}
        prefix="rights.channels"
        value={channel}
        onChange={setChannel}
        error={err('channel')}
        required
      />
      <EnumSelect
        label={t('rights.language')}
        description={t('rights.form.languageHelp')}
        values={answerLanguages}
        prefix="rights.languages"
        value={language}
        onChange={(v) => v && setLanguage(v)}
        error={err('language')}
        required
      />
      <DateField
        label={t('rights.receivedOn')}
        description={t('rights.form.receivedHelp')}
        value={receivedOn}
        onChange={setReceivedOn}
        error={err('receivedOn')}
        required
      />
      <Textarea
        label={t('rights.note')}
        description={t('rights.form.noteHelp')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={err('note')}
        autosize
        minRows={2}
        maxLength={2000}
      />
      {errorElsewhere(save.error, fields) && (
        <Alert color="red" role="alert">
          {errorElsewhere(save.error, fields)}
        </Alert>
      )}
      <Group>
        <Submit pending={save.isPending} onClick={submit}>
          {t('rights.form.save')}
        </Submit>
      </Group>
    </Stack>
  );
}
