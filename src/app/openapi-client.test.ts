import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { schemaFile, schemaTypes } from '../../scripts/openapi';

describe('generated web client', () => {
  it('web/src/api/schema.d.ts matches the OpenAPI document the server publishes (run `npm run api:types`)', async () => {
    const expected = await schemaTypes();
    const committed = readFileSync(schemaFile, 'utf8');
    assert.ok(committed === expected, 'web/src/api/schema.d.ts is stale: run `npm run api:types` and commit it');
  });
});
