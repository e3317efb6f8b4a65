import { Alert, Button, Group, Text } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

// The installable app: a service worker keeps the application shell and its translations, so Minka starts
// without a connection. A new version downloads by itself when online; the app says so and uses it at the next
// start, or at once when the person asks (never in the middle of a form).

let update: ((reload?: boolean) => Promise<void>) | null = null;
let state: 'none' | 'ready' | 'offlineReady' = 'none';
const listeners = new Set<() => void>();
const set = (s: typeof state) => {
  state = s;
  for (const l of listeners) l();
};

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const { registerSW } = await import('virtual:pwa-register');
  update = registerSW({
    immediate: true,
    onNeedRefresh: () => set('ready'),
    onOfflineReady: () => set('offlineReady'),
  });
}

const useUpdate = () =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );

/** Says that a new version is ready (and offers it now), or that Minka now works offline on this device. */
export function UpdateNotice() {
  const { t } = useTranslation();
  const s = useUpdate();
  if (s === 'none') return null;
  return (
    <Alert
      color="blue"
      role="status"
      m="sm"
      withCloseButton
      onClose={() => set('none')}
      closeButtonLabel={t('record.close')}
    >
      <Group justify="space-between" gap="xs">
        <Text size="sm">{s === 'ready' ? t('field.updateReady') : t('field.offlineReady')}</Text>
        {s === 'ready' && (
          <Button size="compact-sm" onClick={() => void update?.(true)}>
            {t('field.updateNow')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
