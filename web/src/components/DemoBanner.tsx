import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../api';
import { sessionKeys } from '../api/keys';

const height = '2rem';
/** Room left below the page: on a phone the notice wraps to two lines. */
const room = '3.5rem';

/**
 * The demo accounts the sign-in page lists, asked once per visit and shared with the banner (a real installation
 * answers 404, so no banner).
 */
export const useDemoInfo = () =>
  useQuery({
    queryKey: sessionKeys.demo(),
    queryFn: () => ok(client.GET('/api/auth/demo')),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

/**
 * A permanent strip along the bottom of every page while the installation is a demo (fake data, accounts whose
 * passwords are published). It never takes a click: whatever lies under it stays usable, and the page gets room
 * to scroll past it.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const on = Boolean(useDemoInfo().data);
  useEffect(() => {
    if (!on) return;
    document.body.style.paddingBottom = room;
    return () => {
      document.body.style.paddingBottom = '';
    };
  }, [on]);
  if (!on) return null;
  return (
    <aside
      aria-label={t('demo.label')}
      data-testid="demo-banner"
      style={{
        position: 'fixed',
        insetInline: 0,
        bottom: 0,
        minHeight: height,
        zIndex: 150,
        pointerEvents: 'none',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: '2px 8px',
        background: '#ffe066',
        color: '#1b1b1b',
        fontWeight: 700,
        fontSize: '0.875rem',
        textAlign: 'center',
      }}
    >
      {t('demo.banner')}
    </aside>
  );
}
