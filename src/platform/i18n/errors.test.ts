import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import qu from './locales/qu-EC.json' with { type: 'json' };

const root = path.resolve(import.meta.dirname, '../../..');

// Every error code the server can answer with, read from the sources: AppError and badRequest with a literal code,
// the local `fail('code')` helpers of files that build AppErrors from a variable, and codes written as `code: '…'`
// in the HTTP layer (rate limit, readiness, Fastify's own errors).
function errorCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const files = readdirSync(path.join(root, 'src'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  for (const f of files) {
    const text = readFileSync(path.join(root, 'src', f), 'utf8');
    const patterns = [/AppError\(\s*\d+,\s*'([a-z0-9_]+)'/g, /badRequest\(\s*'([a-z0-9_]+)'/g];
    if (/new AppError\(\s*\d+,\s*code\b/.test(text)) patterns.push(/\bfail\(\s*'([a-z0-9_]+)'/g);
    if (f.startsWith('platform/http/')) patterns.push(/code: '([a-z0-9_]+)'/g, /\[\d+, '([a-z0-9_]+)'\]/g);
    for (const re of patterns) for (const m of text.matchAll(re)) found.set(m[1]!, f);
  }
  return found;
}

const has = (catalogue: { errors: Record<string, string> }, code: string) =>
  typeof catalogue.errors[code] === 'string' && catalogue.errors[code].trim() !== '';

describe('error messages', () => {
  const codes = errorCodes();

  it('finds the error codes in the sources', () => {
    for (const c of ['not_found', 'forbidden', 'validation_failed', 'rate_limited', 'invalid_json', 'consent_required'])
      assert.ok(codes.has(c), `${c} not found by the scan`);
  });

  it('every error code has a message in Spanish and English', () => {
    const missing = [...codes].filter(([c]) => !has(es, c) || !has(en, c)).map(([c, f]) => `${c} (${f})`);
    assert.deepEqual(missing, []);
  });

  it('every error code has a Kichwa message', () => {
    const missing = [...codes].filter(([c]) => !has(qu as never, c)).map(([c, f]) => `${c} (${f})`);
    assert.deepEqual(missing, []);
  });
});
