// The `minka` command as the tests run it: bin/minka.js (the TypeScript sources through tsx), or the built CLI when
// `npm test` has just built the product and says so (MINKA_TEST_CLI=dist/server/cli.js). The same commands from the
// same sources; the built one starts in about a second instead of loading every source file through tsx.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
export const minkaBin = path.resolve(root, process.env.MINKA_TEST_CLI ?? 'bin/minka.js');
