import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../format';
import type { Cell } from './api';

/** A count, or for a suppressed one "< k" (read aloud as "fewer than k"): the number itself never shows. */
export function CountText({ cell, k }: { cell: Cell; k: number }) {
  const { t } = useTranslation();
  if (cell.suppressed || cell.value === null)
    return (
      // Positioned, so the hidden words stay inside a table that scrolls (else they widen the page on a phone).
      <span data-suppressed="true" style={{ position: 'relative' }}>
        <span aria-hidden="true">{`< ${k}`}</span>
        <VisuallyHidden>{t('studies.suppressed.cell', { k })}</VisuallyHidden>
      </span>
    );
  return <>{formatNumber(cell.value)}</>;
}

/** Why some counts read "< k". */
export function SuppressedNote({ k }: { k: number }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('studies.suppressed.note', { k })}
    </Text>
  );
}
