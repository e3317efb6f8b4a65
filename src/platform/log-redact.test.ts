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

// Personal fields one level down are redacted by the logger options' formatters (not pino's `*.field` paths, which
// cost every request): in a line, in an error's own fields and in a child logger's bindings.
describe('logging redaction one level down', () => {
  it("redacts an error's own personal fields and keeps its message", () => {
    const { logger, lines } = capture();
    const err = Object.assign(new Error('could not send'), { email: 'fulana@prueba.test', code: 'smtp_down' });
    logger.error({ err }, 'mail failed');
    logger.error(Object.assign(new Error('plain'), { details: 'llega con su tía zqd' }));
    const out = lines.join('');
    assert.doesNotMatch(out, /fulana@prueba\.test|zqd/);
    assert.match(out, /could not send/);
    assert.match(out, /"code":"smtp_down"/);
  });

  it("redacts personal fields in a child logger's bindings, and leaves the request id readable", () => {
    const { logger, lines } = capture();
    const child = logger.child({ reqId: 'req-12345678', person: { phone: '0999999999', role: 'victim' } });
    child.info({ step: 2 }, 'x');
    child.child({ phone: '0988888888', place: { address: 'calle zqa' } }).info('y');
    const out = lines.join('');
    assert.doesNotMatch(out, /0999999999|0988888888|zqa/);
    assert.match(out, /"reqId":"req-12345678"/);
    assert.match(out, /"role":"victim"/);
  });

  it('leaves the logged objects themselves unchanged', () => {
    const { logger } = capture();
    const person = { phone: '0999999999' };
    logger.info({ person, token: 't0k' }, 'x');
    assert.equal(person.phone, '0999999999');
  });
});
