import { Badge, Button, Group, Image, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiResponse, client, ok } from '../../api';
import { reportKeys } from '../../api/keys';

type Detail = ApiResponse<'/api/reports/{id}'>;

/** The language the reporter wrote in, so the answer goes back in it. */
export function LanguageBadge({ language }: { language: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={language === 'qu-EC' ? 'grape' : 'gray'} title={t('reports.languageHint')}>
      {t('reports.language')}: {t(`reports.languages.${language}`)}
    </Badge>
  );
}

/** Voice notes play and photos show in the browser; each opening is audited by the server. */
export function ReportFiles({ report }: { report: Detail }) {
  const { t } = useTranslation();
  if (report.files.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={4}>{t('reports.files')}</Title>
      {report.files.map((f, i) => {
        const src = `/api/reports/${report.id}/files/${f.id}`;
        const name = `${f.kind === 'audio' ? t('reports.voiceNote') : t('reports.photo')} ${i + 1}`;
        return (
          <Paper key={f.id} withBorder p="xs">
            <Text size="sm" mb={4}>
              {name} · {Math.max(1, Math.round(f.size / 1024))} kB
            </Text>
            {f.kind === 'audio' ? (
              // biome-ignore lint/a11y/useMediaCaption: a reporter's voice note has no captions to offer.
              <audio controls preload="none" src={src} aria-label={name} style={{ width: '100%' }} />
            ) : (
              <Image src={src} alt={name} maw={320} />
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}

/** The reply box: prepared replies in the report's language, editable before they are sent. */
export function ReplyBox({
  language,
  sending,
  onSend,
}: {
  language: string;
  sending: boolean;
  onSend: (body: string, done: () => void) => void;
}) {
  const { t } = useTranslation();
  const [reply, setReply] = useState('');
  const templates = useQuery({
    queryKey: reportKeys.templates(language),
    queryFn: () =>
      ok(
        client.GET('/api/reports/reply-templates', {
          params: { query: { lang: language as 'es' | 'en' | 'qu-EC' } },
        }),
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <Stack gap="xs">
      <Select
        label={t('reports.template')}
        description={t('reports.templateHint')}
        data={(templates.data ?? []).map((x) => ({ value: x.key, label: t(`reports.templates.${x.key}`) }))}
        value={null}
        onChange={(key) => setReply(templates.data?.find((x) => x.key === key)?.text ?? reply)}
        clearable={false}
      />
      <Textarea
        label={t('reports.replyLabel')}
        description={t('reports.replyHint')}
        value={reply}
        onChange={(e) => setReply(e.currentTarget.value)}
        autosize
        minRows={2}
        lang={language}
      />
      <Group>
        <Button disabled={!reply.trim()} loading={sending} onClick={() => onSend(reply, () => setReply(''))}>
          {t('reports.sendReply')}
        </Button>
      </Group>
    </Stack>
  );
}
