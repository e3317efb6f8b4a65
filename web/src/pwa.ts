import { useSyncExternalStore } from 'react';

// The installable app: a service worker keeps the application shell and its translations, so Minka starts
// without a connection. A new version downloads by itself when online; the app says so and uses it at the next
// start, or at once when the person asks (never in the middle of a form).

let update: ((reload?: boolean) => Promise<void>) | null = null;
export type UpdateState = 'none' | 'ready' | 'offlineReady';
let state: UpdateState = 'none';
const listeners = new Set<() => void>();
export const setUpdateState = (s: UpdateState) => {
  state = s;
  for (const l of listeners) l();
};

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const { registerSW } = await import('virtual:pwa-register');
  // Registered once the page has loaded: the worker's downloads never compete with the first page on a slow link.
  update = registerSW({
    immediate: false,
    onNeedRefresh: () => setUpdateState('ready'),
    onOfflineReady: () => setUpdateState('offlineReady'),
  });
}

/** The app's update state: none, a new version ready, or ready to work offline. */
export const useUpdate = () =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );

/** Switches to the new version now (the page reloads). */
export const updateNow = () => void update?.(true);
