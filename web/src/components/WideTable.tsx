import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A table wider than a phone scrolls inside this box, never the page. The box is focusable and named, so a
 * keyboard can scroll it too (a scrollable region without focus is unreachable without a mouse).
 */
export function WideTable({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard.
    <section className="wide-table" aria-label={t('app.scrollTable')} tabIndex={0}>
      <div style={{ minWidth }}>{children}</div>
    </section>
  );
}
