import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CollectStudy, keptStudies, pendingCounts, useStudiesVersion } from '../../../offline/studies';
import { textIn } from './text';

/**
 * On the field home: the studies kept on this device (opened once with a connection), each with the interviews
 * waiting to be sent, to collect without signal.
 */
export function FieldStudies() {
  const { t, i18n } = useTranslation();
  const version = useStudiesVersion();
  const [list, setList] = useState<{ study: CollectStudy; waiting: number; refused: number }[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again whenever kept studies or interviews change
  useEffect(() => {
    let live = true;
    void (async () => {
      const studies = await keptStudies();
      const rows = await Promise.all(studies.map(async (study) => ({ study, ...(await pendingCounts(study.id)) })));
      if (live) setList(rows);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [version]);
  if (!list.length) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="field-studies">
      <Title order={2} size="h4" id="field-studies" mb="xs">
        {t('studies.collect.fieldTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('studies.collect.fieldHelp')}
      </Text>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {list.map(({ study, waiting, refused }) => (
          <li key={study.id}>
            <Group gap="xs">
              <Anchor component={Link} to={`/field/studies/${study.id}`}>
                {textIn(study.title, study.form?.definition, i18n.language)}
              </Anchor>
              {waiting > 0 && <Badge color="blue">{t('studies.collect.pendingCount', { count: waiting })}</Badge>}
              {refused > 0 && <Badge color="orange">{t('field.needsYou')}</Badge>}
            </Group>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
