import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WideTable } from '../../components/WideTable';
import { downloadCsv } from './csv';
import { cellText } from './labels';
import type { Dashboard, Row } from './types';

type Block = Dashboard['protection'];

/** The protection block as labelled rows (one per year and kind), for the CSV downloads. */
export function protectionRows(block: Block, kindLabel: (kind: string) => string): Row[] {
  return block.rows.flatMap((r) =>
    r.cells.map((c) => ({
      key: `${r.year}:${c.kind}`,
      label: `${r.year} · ${kindLabel(c.kind)}`,
      value: c.value,
      suppressed: c.suppressed,
    })),
  );
}

/**
 * Protection and justice: people by the year a measure was decided, they returned, their reintegration closed,
 * a complaint was filed, charges were brought or a verdict given, in the dashboard's place and age group. The
 * table scrolls inside its own frame on a narrow screen; suppressed cells read "< k" as everywhere else.
 */
export function ProtectionTable({ block, k, file }: { block: Block; k: number; file: string }) {
  const { t } = useTranslation();
  const kind = (key: string) => t(`insights.protection.kinds.${key}`);
  const title = t('insights.protection.title');
  const empty = !block.rows.length || !block.kinds.length;
  return (
    <Paper withBorder p="md" data-testid="chart-protection" component="section" aria-labelledby="protection-title">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={2} size="h4" id="protection-title">
            {title}
          </Title>
          {!empty && (
            <Button
              size="compact-xs"
              variant="default"
              onClick={() =>
                downloadCsv(`${file}-protection.csv`, [{ section: 'protection', rows: protectionRows(block, kind) }], k)
              }
              aria-label={t('insights.csvOf', { title })}
            >
              CSV
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed" id="protection-caption">
          {t('insights.protection.caption', { k })}
        </Text>
        {empty ? (
          <Text size="sm">{t('insights.noCells')}</Text>
        ) : (
          <WideTable minWidth={Math.max(320, 120 + block.kinds.length * 110)}>
            <Table
              striped
              withTableBorder
              fz="sm"
              aria-labelledby="protection-title"
              aria-describedby="protection-caption"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('insights.protection.year')}</Table.Th>
                  {block.kinds.map((kd) => (
                    <Table.Th key={kd} scope="col" ta="right">
                      {kind(kd)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {block.rows.map((r) => (
                  <Table.Tr key={r.year}>
                    <Table.Th scope="row">{r.year}</Table.Th>
                    {r.cells.map((c) => (
                      <Table.Td
                        key={c.kind}
                        ta="right"
                        c={c.suppressed ? 'dimmed' : undefined}
                        data-suppressed={c.suppressed || undefined}
                        data-kind={c.kind}
                      >
                        {cellText(c, k)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </WideTable>
        )}
      </Stack>
    </Paper>
  );
}
