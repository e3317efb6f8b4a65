// A share of the unit and integration test files, run in one process: `npm test` starts two shares side by side
// instead of one process per file, so the application's sources load through tsx twice rather
// than once per file. MINKA_TEST_FILES lists the share's files (scripts/test.mjs sets it); each file runs as it
// would alone, one after another. Run one file alone with: node --import tsx --test <file>
import path from 'node:path';

const files = JSON.parse(process.env.MINKA_TEST_FILES ?? '[]') as string[];
if (!files.length) throw new Error('MINKA_TEST_FILES lists no test file');
for (const file of files) await import(path.resolve(file));
