import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../format';
import type { SyncReport } from '../../offline/sync';

const colour = { applied: 'teal', already: 'gray', conflict: 'orange', refused: 'red' } as const;

/** What the last sync did, change by change; a new case the server thinks may be a duplicate says so. */
export function SyncReportView({ report }: { report: SyncReport }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sync-report">
      <Title order={2} size="h4" id="sync-report" mb="xs">
        {t('field.reportTitle', { at: formatDateTime(report.at) })}
      </Title>
      {report.stopped && (
        <Text size="sm" c="orange.9" mb="xs">
          {t(`field.stopped.${report.stopped}`)}
        </Text>
      )}
      {report.lines.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('field.reportEmpty')}
        </Text>
      )}
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {report.lines.map((l) => (
          <li key={l.opId}>
            <Group gap="xs" wrap="wrap">
              <Badge color={colour[l.outcome]}>{t(`field.outcome.${l.outcome}`)}</Badge>
              <Text size="sm">
                {l.caseCode} · {t(`field.what.${l.what}`)}
              </Text>
              {l.partlyMerged && (
                <Text size="xs" c="dimmed">
                  {t('field.partlyMerged')}
                </Text>
              )}
              {l.message && (
                <Text size="xs" c="red.9">
                  {l.message}
                </Text>
              )}
              {Boolean(l.duplicates) && l.caseId && (
                <Anchor component={Link} to={`/cases/${l.caseId}`} size="sm">
                  {t('field.duplicates', { count: l.duplicates })}
                </Anchor>
              )}
            </Group>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
