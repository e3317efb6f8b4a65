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
          <RecordTable
            heads={[t(`${p}.columns.purpose`), t(`${p}.columns.basis`)]}
            rows={r.purposes.map((x) => [x.module, x.what, x.basis])}
          />
          <RecordTable
            heads={[t(`${p}.columns.category`), t(`${p}.columns.tables`)]}
            rows={r.categories.map((c) => [c.category, c.label, c.tables.map((x) => x.label).join(', ') || '—'])}
          />
          <RecordTable
            heads={[t(`${p}.columns.type`), t(`${p}.columns.period`), t(`${p}.columns.action`)]}
            rows={r.retention.map((x) => [x.recordType, x.label, x.period, x.action])}
          />
        </>
      )}
    </Stack>
  );
}

/** One table of the record: its column heads, and rows of a key then the cells. */
function RecordTable({ heads, rows }: { heads: string[]; rows: string[][] }) {
  return (
    <WideTable minWidth={560}>
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            {heads.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([key, ...cells]) => (
            <Table.Tr key={key}>
              {cells.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a row are fixed columns
                <Table.Td key={i}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </WideTable>
  );
}
