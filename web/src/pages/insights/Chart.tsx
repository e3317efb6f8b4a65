import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEChart } from '../../components/chart';
import { download, downloadCsv } from './csv';
import { type EChartsOption, renderPng } from './echarts';
import { cellText } from './labels';
import type { Row } from './types';

/** The line printed under every downloaded image: what the figures cover and how they are protected. */
export const ImageFooter = createContext('Minka');

/** The rows of a chart as a table, suppressed cells reading "< k". */
export function DataTable({ rows, k, head }: { rows: Row[]; k: number; head: [string, string] }) {
  return (
    <Table striped withTableBorder fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{head[0]}</Table.Th>
          <Table.Th ta="right">{head[1]}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key} data-suppressed={r.suppressed || undefined}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right" c={r.suppressed ? 'dimmed' : undefined}>
              {cellText(r, k)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * A chart with its title and caption, PNG and CSV downloads and a table of the same data. `option` null
 * draws nothing (e.g. a map without boundaries); `children` then stands in for the chart.
 */
export function ChartCard({
  id,
  title,
  caption,
  rows,
  k,
  option,
  height,
  file,
  children,
  level = 3,
}: {
  id: string;
  title: string;
  /** Heading level: 2 for a chart that stands directly under the page title, 3 inside a section. */
  level?: 2 | 3;
  caption?: ReactNode;
  rows: Row[];
  k: number;
  option: EChartsOption | null;
  height: number;
  file: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useEChart(option);
  const [table, setTable] = useState(false);
  const footer = useContext(ImageFooter);
  const png = async () => {
    if (!option || !ref.current) return;
    download(`${file}.png`, await renderPng(option, ref.current.clientWidth || 800, height, { title, footer }));
  };
  return (
    <Paper withBorder p="md" data-testid={`chart-${id}`} component="section" aria-labelledby={`chart-${id}-title`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={level} size="h4" id={`chart-${id}-title`}>
            {title}
          </Title>
          <Group gap={4}>
            {option && (
              <Button size="compact-xs" variant="default" onClick={png} aria-label={t('insights.pngOf', { title })}>
                PNG
              </Button>
            )}
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => downloadCsv(`${file}.csv`, [{ section: id, rows }], k)}
              aria-label={t('insights.csvOf', { title })}
            >
              CSV
            </Button>
            {option && (
              <Button size="compact-xs" variant="subtle" onClick={() => setTable((v) => !v)} aria-pressed={table}>
                {table ? t('insights.showChart') : t('insights.showTable')}
              </Button>
            )}
          </Group>
        </Group>
        {caption && (
          <Text size="xs" c="dimmed">
            {caption}
          </Text>
        )}
        {children}
        <div
          ref={ref}
          role="img"
          aria-label={title}
          style={{ width: '100%', height, display: option && !table ? 'block' : 'none' }}
        />
        {option && table && <DataTable rows={rows} k={k} head={[t('insights.category'), t('insights.people')]} />}
      </Stack>
    </Paper>
  );
}
