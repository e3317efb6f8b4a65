import { Alert, Anchor, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api';
import { WideTable } from '../../components/WideTable';
import { has, useSession } from '../../session';

type Lang = 'es' | 'qu-EC' | 'en';
const p = 'privacy';
const langOf = (l: string): Lang => (l === 'en' || l === 'qu-EC' ? l : 'es');

/** The privacy notice in the user's language for everyone signed in; the record of processing for the two roles. */
export function Privacy() {
  const { t, i18n } = useTranslation();
  const { data: s } = useSession();
  const lang = langOf(i18n.language);
  const notice = useQuery({
    queryKey: ['privacy', 'notice', lang],
    queryFn: () => ok(client.GET('/api/privacy/notice', { params: { query: { lang } } })),
  });
  const n = notice.data;
  return (
    <Stack maw={900}>
      <Title order={1}>{t(`${p}.title`)}</Title>
      <Text>{t(`${p}.intro`)}</Text>
      {notice.error && <Alert color="red">{notice.error.message}</Alert>}
      {!n && !notice.error && <Loader aria-label={t(`${p}.title`)} />}
      {n && (
        <Stack gap="xs">
          <Title order={2}>{t(`${p}.notice`)}</Title>
          <Anchor href={`/privacidad?lang=${lang}`}>{t(`${p}.public`)}</Anchor>
          <Text>
            <b>{t(`${p}.controller`)}:</b> {n.controller.name} — {n.controller.contact}
          </Text>
          <Text>
            <b>{t(`${p}.dpo`)}:</b> {n.dpoContact}
          </Text>
          <Title order={3}>{t(`${p}.sections.purposes`)}</Title>
          <List>
            {n.purposes.map((x) => (
              <List.Item key={x.module}>
                {x.what}{' '}
                <Text span size="sm" c="dimmed">
                  ({x.basis})
                </Text>
              </List.Item>
            ))}
          </List>
          <Title order={3}>{t(`${p}.sections.categories`)}</Title>
          <List>
            {n.categories.map((c) => (
              <List.Item key={c.category}>{c.label}</List.Item>
            ))}
          </List>
          <Title order={3}>{t(`${p}.sections.recipients`)}</Title>
          <List>
            {n.recipients.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
          <Title order={3}>{t(`${p}.sections.transfers`)}</Title>
          <Text>{n.transfers}</Text>
          <Title order={3}>{t(`${p}.sections.retention`)}</Title>
          <List>
            {n.retention.map((r) => (
              <List.Item key={r.recordType}>
                {r.label}: {r.period} ({r.action})
              </List.Item>
            ))}
          </List>
          <Title order={3}>{t(`${p}.sections.rights`)}</Title>
          <List>
            {n.rights.map((r) => (
              <List.Item key={r.right}>
                {r.label}
                {r.article ? ` (${t(`${p}.article`, { n: r.article })})` : ''}
              </List.Item>
            ))}
          </List>
          <Title order={3}>{t(`${p}.sections.how`)}</Title>
          <Text>{n.howToExercise}</Text>
        </Stack>
      )}
      {(has(s, 'rights:manage') || has(s, 'retention:manage')) && <ProcessingRecord lang={lang} />}
    </Stack>
  );
}

/** The record of processing activities (RoPA): purposes with their basis, data categories with tables, periods. */
export function ProcessingRecord({ lang }: { lang?: Lang }) {
  const { t, i18n } = useTranslation();
  const l = lang ?? langOf(i18n.language);
  const record = useQuery({
    queryKey: ['privacy', 'record', l],
    queryFn: () => ok(client.GET('/api/privacy/record', { params: { query: { lang: l } } })),
  });
  const r = record.data;
  return (
    <Stack gap="xs">
      <Title order={2}>{t(`${p}.record`)}</Title>
      <Text>{t(`${p}.recordIntro`)}</Text>
      {record.error && <Alert color="red">{record.error.message}</Alert>}
      {r && (
        <>
          <WideTable minWidth={560}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(`${p}.columns.purpose`)}</Table.Th>
                  <Table.Th>{t(`${p}.columns.basis`)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.purposes.map((x) => (
                  <Table.Tr key={x.module}>
                    <Table.Td>{x.what}</Table.Td>
                    <Table.Td>{x.basis}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideTable>
          <WideTable minWidth={560}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(`${p}.columns.category`)}</Table.Th>
                  <Table.Th>{t(`${p}.columns.tables`)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.categories.map((c) => (
                  <Table.Tr key={c.category}>
                    <Table.Td>{c.label}</Table.Td>
                    <Table.Td>{c.tables.join(', ') || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideTable>
          <WideTable minWidth={560}>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(`${p}.columns.type`)}</Table.Th>
                  <Table.Th>{t(`${p}.columns.period`)}</Table.Th>
                  <Table.Th>{t(`${p}.columns.action`)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.retention.map((x) => (
                  <Table.Tr key={x.recordType}>
                    <Table.Td>{x.label}</Table.Td>
                    <Table.Td>{x.period}</Table.Td>
                    <Table.Td>{x.action}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideTable>
        </>
      )}
    </Stack>
  );
}
