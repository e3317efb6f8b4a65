import { Alert, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEChart } from '../../../components/chart';
import type { EChartsOption } from '../../../components/echarts';
import { WideTable } from '../../../components/WideTable';
import { type AnalysisTable, getAnalysis, type Study, studyKeys, useQuestionParam } from './api';
import { CountText, SuppressedNote } from './Counts';

/** Bars per place, one series per choice; suppressed cells draw nothing (the table says "< k"). */
function chartOf(a: AnalysisTable): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: a.rows.map((r) => r.label),
      axisLabel: { interval: 0, overflow: 'truncate', width: 90 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: a.choices.map((c, i) => ({
      type: 'bar',
      name: c.label,
      data: a.rows.map((r) => (r.cells[i]?.suppressed ? null : (r.cells[i]?.value ?? null))),
    })),
  };
}

function Chart({ option, label }: { option: EChartsOption; label: string }) {
  const ref = useEChart(option);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 320 }} />;
}

/** Answers to a select question counted by place, under disclosure control, as a table and a bar chart. */
export function Analysis({ study }: { study: Study }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [question, setQuestion] = useQuestionParam();
  const q = useQuery({
    queryKey: studyKeys.analysis(study.id, question, lang),
    queryFn: () => getAnalysis(study.id, question, lang),
  });
  const a = q.data;
  // With no question chosen yet, the first select question is shown.
  const first = a && !a.question && !question ? a.questions[0]?.name : undefined;
  useEffect(() => {
    if (first) setQuestion(first);
  }, [first, setQuestion]);
  // A chart only when some bar has a height (suppressed cells draw nothing; all zeros say nothing).
  const drawn = a?.rows.some((r) => r.cells.some((c) => !c.suppressed && (c.value ?? 0) > 0));
  const option = useMemo(() => (a && drawn ? chartOf(a) : null), [a, drawn]);
  const empty = a?.totals.total.value === 0 && !a.totals.total.suppressed;
  const chosen = a?.questions.find((x) => x.name === (question ?? a.question));
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('studies.analysis.title')}
      </Title>
      <Text size="sm">{t('studies.analysis.intro')}</Text>
      {q.error && (
        <Alert color="red" role="alert">
          {q.error.message}
        </Alert>
      )}
      {a && a.questions.length === 0 && <Text c="dimmed">{t('studies.analysis.noQuestions')}</Text>}
      {a && a.questions.length > 0 && (
        <Select
          label={t('studies.analysis.question')}
          data={a.questions.map((x) => ({ value: x.name, label: x.label }))}
          value={question ?? a.question}
          onChange={setQuestion}
          searchable
          allowDeselect={false}
          maw={560}
        />
      )}
      {a && chosen && (
        <Paper withBorder p="md" component="section" aria-labelledby="analysis-table">
          <Stack gap="sm">
            <Title order={3} size="h5" id="analysis-table">
              {t('studies.analysis.tableTitle', { question: chosen.label })}
            </Title>
            <SuppressedNote k={a.k} />
            {chosen.multiple && (
              <Text size="sm" c="dimmed">
                {t('studies.analysis.multiple')}
              </Text>
            )}
            {a.rows.length === 0 || empty ? (
              <Text c="dimmed">{t('studies.analysis.noAnswers')}</Text>
            ) : (
              <>
                <WideTable minWidth={Math.max(320, 250 + 110 * a.choices.length)}>
                  <Table striped withTableBorder>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('studies.progress.place')}</Table.Th>
                        {a.choices.map((c) => (
                          <Table.Th key={c.name} ta="right">
                            {c.label}
                          </Table.Th>
                        ))}
                        <Table.Th ta="right">{t('studies.analysis.people')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {a.rows.map((r) => (
                        <Table.Tr key={r.code}>
                          <Table.Th scope="row" fw={400}>
                            {r.label}
                          </Table.Th>
                          {r.cells.map((c, i) => (
                            <Table.Td key={a.choices[i]?.name ?? i} ta="right" c={c.suppressed ? 'dimmed' : undefined}>
                              <CountText cell={c} k={a.k} />
                            </Table.Td>
                          ))}
                          <Table.Td ta="right" fw={600} c={r.total.suppressed ? 'dimmed' : undefined}>
                            <CountText cell={r.total} k={a.k} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                    {a.totals && (
                      <Table.Tfoot>
                        <Table.Tr>
                          <Table.Th scope="row">{t('studies.analysis.total')}</Table.Th>
                          {a.totals.cells.map((c, i) => (
                            <Table.Td key={a.choices[i]?.name ?? i} ta="right" fw={600}>
                              <CountText cell={c} k={a.k} />
                            </Table.Td>
                          ))}
                          <Table.Td ta="right" fw={600}>
                            <CountText cell={a.totals.total} k={a.k} />
                          </Table.Td>
                        </Table.Tr>
                      </Table.Tfoot>
                    )}
                  </Table>
                </WideTable>
                {option && <Chart option={option} label={t('studies.analysis.chart', { question: chosen.label })} />}
              </>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
