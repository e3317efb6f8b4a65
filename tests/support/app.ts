import { buildApp } from '../../src/app/index';
import type { App } from '../../src/platform/http/app';
import type { DbTarget, TestDb } from './db';

export interface TestApp {
  app: App;
  db: TestDb;
  close(): Promise<void>;
}

/** Builds the real app on a fresh, migrated database of the given target (no web bundle, silent logs). */
export async function openTestApp(
  target: DbTarget,
  configOverrides: Partial<TestDb['config']> = {},
  logs?: { level: string; stream: { write(line: string): void } },
): Promise<TestApp> {
  const db = await target.open();
  const app = await buildApp({
    ...db.ctx,
    config: { ...db.config, ...configOverrides },
    webDir: null,
    logLevel: logs?.level ?? 'silent',
    logStream: logs?.stream,
  });
  await app.ready();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.cleanup();
    },
  };
}

/** Path of the shared reference data (read, never copied). */
export const sharedData = new URL('../../../shared/data/', import.meta.url).pathname;
