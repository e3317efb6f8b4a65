import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../CasePage';
import { Section } from '../sections';
import { useBoard } from './data';
import { Hearings } from './hearings';
import { Measures } from './measures';
import { Notifications } from './notifications';

/**
 * The protection-board procedure of a child's case: the notification to the Junta Cantonal (PDF) and its delivery,
 * the board's hearings, and the protection measures with their reviews and judicial ratification. What the reader
 * may change comes from the server (`abilities`).
 */
export function BoardPart({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const q = useBoard(c.id);
  if (q.error)
    return (
      <Alert color="red" role="alert">
        {q.error.message}
      </Alert>
    );
  const b = q.data;
  if (!b) return null;
  // The procedure is a child's: an adult's case shows it only if something was recorded before the age was corrected.
  if (!b.isMinor && !b.notifications.length && !b.hearings.length && !b.measures.length) return null;
  return (
    <div data-part="board">
      <Section title={t('board.title')}>
        <Stack gap="md">
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('board.notice.title')}
            </Title>
            <Notifications caseId={c.id} b={b} />
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('board.hearing.title')}
            </Title>
            <Hearings caseId={c.id} b={b} />
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('board.measure.title')}
            </Title>
            <Measures caseId={c.id} b={b} />
          </Stack>
        </Stack>
      </Section>
    </div>
  );
}
