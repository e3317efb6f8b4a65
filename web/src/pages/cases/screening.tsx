import { Alert, Badge, Button, Checkbox, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeScreening } from '../../../../src/modules/cases/vocabulary';
import type { CaseDetail } from './CasePage';
import { Behind, Section } from './sections';
import { useTransport } from './transport';

/** The ILO/EC checklist grouped by dimension; the engine suggests, a person decides. */
export function Screening({ c, caseId }: { c: CaseDetail; caseId: string }) {
  const { t, i18n } = useTranslation();
  const [type, setType] = useState<'labour' | 'sexual'>('labour');
  const [ticked, setTicked] = useState<string[]>(c.screening?.indicators ?? []);
  const audience = c.isMinor ? 'child' : 'adult';
  const transport = useTransport();
  const run = useMutation({ mutationFn: () => transport.screen(caseId, { type, indicators: ticked }) });
  const lang = i18n.language === 'en' ? 'en' : 'es';
  return (
    <Section title={t('cases.screening')}>
      <Stack>
        <Behind label={t('record.open.screening')}>
          <Select
            label={t('cases.screeningType')}
            data={[
              { value: 'labour', label: t('cases.labour') },
              { value: 'sexual', label: t('cases.sexual') },
            ]}
            value={type}
            onChange={(v) => v && setType(v as 'labour' | 'sexual')}
            w={220}
          />
          {activeScreening.dimensions.map((d) => (
            <Stack key={d} gap={4}>
              <Text fw={600} size="sm">
                {t(`cases.dimensions.${d}`)}{' '}
                {run.data?.dimensions[d]?.positive && <Badge size="xs">{t('cases.dimensionPositive')}</Badge>}
              </Text>
              {activeScreening.indicators
                .filter((i) => i.dimension === d && i.strength[audience] && i.types.includes(type))
                .map((i) => (
                  <Checkbox
                    key={i.id}
                    label={`${i.label[lang]} (${t(`cases.strength.${i.strength[audience]}`)})`}
                    checked={ticked.includes(i.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setTicked((x) => (on ? [...x, i.id] : x.filter((y) => y !== i.id)));
                    }}
                  />
                ))}
            </Stack>
          ))}
          <Button w="fit-content" onClick={() => run.mutate()} loading={run.isPending}>
            {t('cases.runScreening')}
          </Button>
        </Behind>
        {run.isSuccess && !run.data && (
          <Alert color="blue" role="status">
            {t('field.screeningWaits')}
          </Alert>
        )}
        {run.data && (
          <Alert color={run.data.suggestedStatus ? 'orange' : 'gray'} role="status">
            {run.data.suggestedStatus
              ? t('cases.suggestion', { status: t(`htcds.vic_TraffickingStatus.${run.data.suggestedStatus}`) })
              : t('cases.noSuggestion')}
          </Alert>
        )}
        {run.error && <Alert color="red">{run.error.message}</Alert>}
      </Stack>
    </Section>
  );
}
