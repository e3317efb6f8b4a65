import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../format';
import type { StudySummary } from './api';
import { statusColor } from './status';
import { pick } from './texts';

/** On a phone, one card per study: its title, state and places, and the button to collect when the person may. */
export function StudyCards({ studies }: { studies: StudySummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {studies.map((s) => {
        const title = pick(s.title, i18n.language);
        return (
          <Paper key={s.id} withBorder p="sm" component="li">
            <Stack gap={6}>
              <Anchor component={Link} to={`/studies/${s.id}`} fw={600}>
                {title}
              </Anchor>
              <Group gap="xs">
                <Badge color={statusColor[s.status]}>{t(`studies.statuses.${s.status}`)}</Badge>
                <Text size="xs" c="dimmed">
                  {t('studies.codeIs', { code: s.code })}
                </Text>
              </Group>
              <Text size="sm">{s.places.map((p) => p.label).join(', ')}</Text>
              {typeof s.submissions === 'number' && (
                <Text size="sm">
                  {t('studies.interviews')}: {formatNumber(s.submissions)}
                </Text>
              )}
              {s.status === 'open' && s.abilities.collect && s.formVersion !== null && (
                <Button component={Link} to={`/studies/${s.id}/collect`} aria-label={t('studies.collectIn', { title })}>
                  {t('studies.collectAction')}
                </Button>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
