import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import pino from 'pino';
import { loggerOptions } from './log';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { logger: pino(loggerOptions('info'), stream), lines };
}

describe('logging', () => {
  it('redacts personal fields and secrets wherever they appear', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        body: { prs_FirstName: 'Fulana', password: 'hunter2' },
        person: { phone: '0999999999', prs_IdentityNumber: '9911111111' },
        token: 't0k',
      },
      'x',
    );
    logger.info(
      {
        report: { what: 'relato zqx', urn: 'tel:+593990000009', forms: ['begging'] },
        meta: { level: 2, gender: 'Feminine', prs_FirstName: 'Fulana' },
      },
      'y',
    );
    logger.info(
      {
        referral: { details: 'llega con su tía zqd', services: ['Health'] },
        plan: { spl_Objectives: 'objetivo zqo', comment: 'comentario zqc' },
        legal: { fileNumber: 'EXP-zqf', outcome: 'sentencia zqs', stage: 'Trial' },
      },
      'z',
    );
    const out = lines.join('');
    assert.doesNotMatch(out, /Fulana|9911111111|hunter2|relato zqx|593990000009|0999999999|t0k/);
    assert.doesNotMatch(out, /zqd|zqo|zqc|zqf|zqs/, 'protection free text is redacted too');
    assert.match(out, /"stage":"Trial"/);
    assert.match(out, /"level":2/);
    assert.match(out, /"gender":"Feminine"/, 'non-personal facts stay readable');
    assert.match(out, /"forms":\["begging"\]/);
    assert.match(out, /\[redacted\]/);
  });

  it('logs requests without IP address, query string or cookies', () => {
    const { logger, lines } = capture();
    const req = {
      method: 'GET',
      url: '/api/geo/search?q=Fulana',
      routeOptions: { url: '/api/geo/search' },
      ip: '10.0.0.9',
      headers: { cookie: 's=1' },
    };
    logger.info({ req }, 'incoming');
    const out = lines.join('');
    assert.match(out, /"url":"\/api\/geo\/search"/);
    assert.doesNotMatch(out, /Fulana|10\.0\.0\.9|s=1/);
  });
});
