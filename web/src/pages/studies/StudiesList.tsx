import { Alert, Anchor, Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WideTable } from '../../components/WideTable';
import { formatNumber } from '../../format';
import { has, useSession } from '../../session';
import { listStudies, studyKeys } from './manage/api';
import { NewStudy } from './manage/NewStudy';
import { StudyCards } from './manage/StudyCards';
import { statusColor } from './manage/status';
import { pick } from './manage/texts';

/** The studies a person can see; a researcher starts one here, an interviewer goes to collect. */
export function StudiesList() {
  const { t, i18n } = useTranslation();
  const { data: session } = useSession();
  const list = useQuery({ queryKey: studyKeys.list(), queryFn: listStudies });
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const collector = has(session, 'studies:collect');
  // Interview counts come only to those who may see them (the owner organisation's managers).
  const counted = list.data?.some((s) => typeof s.submissions === 'number');
  return (
    <Stack>
      <Title order={1}>{t('studies.title')}</Title>
      <Text c="dimmed">{t('studies.intro')}</Text>
      {list.error && (
        <Alert color="red" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.data?.length === 0 && <Text>{t('studies.none')}</Text>}
      {!!list.data?.length && phone && <StudyCards studies={list.data} />}
      {!!list.data?.length && !phone && (
        <WideTable minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('studies.study')}</Table.Th>
                <Table.Th>{t('studies.status')}</Table.Th>
                <Table.Th>{t('studies.places')}</Table.Th>
                {counted && <Table.Th ta="right">{t('studies.interviews')}</Table.Th>}
                {collector && <Table.Th>{t('studies.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((s) => {
                const title = pick(s.title, i18n.language);
                const count = s.submissions;
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/studies/${s.id}`}>
                        {title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('studies.codeIs', { code: s.code })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={statusColor[s.status]} variant="light">
                        {t(`studies.statuses.${s.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{s.places.map((p) => p.label).join(', ')}</Table.Td>
                    {counted && <Table.Td ta="right">{typeof count === 'number' ? formatNumber(count) : '—'}</Table.Td>}
                    {collector && (
                      <Table.Td>
                        {s.status === 'open' && s.abilities.collect && s.formVersion !== null && (
                          <Button
                            component={Link}
                            to={`/studies/${s.id}/collect`}
                            size="xs"
                            aria-label={t('studies.collectIn', { title })}
                          >
                            {t('studies.collectAction')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
      {has(session, 'studies:manage') && <NewStudy />}
    </Stack>
  );
}
