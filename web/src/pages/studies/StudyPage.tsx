import { Alert, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Analysis } from './manage/Analysis';
import { getStudy, studyKeys } from './manage/api';
import { Exports } from './manage/Exports';
import { ImportAnswers } from './manage/ImportAnswers';
import { Overview } from './manage/Overview';
import { Progress } from './manage/Progress';
import { statusColor } from './manage/status';
import { pick } from './manage/texts';

const tabs = ['overview', 'progress', 'analysis', 'exports', 'import'] as const;
type Tab = (typeof tabs)[number];

/** One study: its overview and form, the progress of collection, the protected analysis, exports and imports. */
export function StudyPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const q = useQuery({ queryKey: studyKeys.detail(id), queryFn: () => getStudy(id) });
  const s = q.data;
  if (q.error)
    return (
      <Alert color="red" role="alert">
        {q.error.message}
      </Alert>
    );
  if (!s) return null;
  const a = s.abilities;
  const shown: Record<Tab, boolean> = {
    overview: true,
    progress: a.update,
    analysis: a.analyse,
    exports: a.analyse || a.exportRaw,
    import: a.update,
  };
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) && shown[asked] ? asked : 'overview';
  const title = pick(s.title, i18n.language);
  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1}>{title}</Title>
          <Group gap="xs">
            <Badge color={statusColor[s.status]} variant="light">
              {t(`studies.statuses.${s.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('studies.codeIs', { code: s.code })} · {s.owner.name}
            </Text>
          </Group>
        </Stack>
        {a.collect && s.status === 'open' && s.form && (
          <Button component={Link} to={`/studies/${s.id}/collect`}>
            {t('studies.collectAction')}
          </Button>
        )}
      </Group>
      {/* Someone who only collects sees the overview alone, without a row of one tab. */}
      {tabs.filter((x) => shown[x]).length === 1 && <Overview study={s} />}
      {tabs.filter((x) => shown[x]).length > 1 && (
        <Tabs
          value={tab}
          onChange={(v) =>
            setParams(
              (p) => {
                if (v && v !== 'overview') p.set('tab', v);
                else p.delete('tab');
                return p;
              },
              { replace: true },
            )
          }
          keepMounted={false}
        >
          <Tabs.List aria-label={t('studies.sections')}>
            {tabs
              .filter((x) => shown[x])
              .map((x) => (
                <Tabs.Tab key={x} value={x}>
                  {t(`studies.tabs.${x}`)}
                </Tabs.Tab>
              ))}
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <Overview study={s} />
          </Tabs.Panel>
          {shown.progress && (
            <Tabs.Panel value="progress" pt="md">
              <Progress study={s} />
            </Tabs.Panel>
          )}
          {shown.analysis && (
            <Tabs.Panel value="analysis" pt="md">
              <Analysis study={s} />
            </Tabs.Panel>
          )}
          {shown.exports && (
            <Tabs.Panel value="exports" pt="md">
              <Exports study={s} />
            </Tabs.Panel>
          )}
          {shown.import && (
            <Tabs.Panel value="import" pt="md">
              <ImportAnswers study={s} />
            </Tabs.Panel>
          )}
        </Tabs>
      )}
    </Stack>
  );
}
