// Every journey in one process: `npm test` runs this file rather than each journey in a process of its own, so the
// application's sources load through tsx once instead of once per journey. Each journey still starts its own
// server, database and browser, and runs after the one before it has closed them. A single journey still runs
// alone: node --import tsx --test tests/e2e/<name>.test.ts
import { readdirSync } from 'node:fs';

for (const file of readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.test.ts'))
  .sort())
  await import(`./${file}`);
