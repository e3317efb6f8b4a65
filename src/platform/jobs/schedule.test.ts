import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cronFor, errorSummary, queueName, retryDelayMs } from './schedule';

describe('job schedules', () => {
  it('names a queue after its job', () => {
    assert.equal(queueName('follow-up reminders'), 'follow-up-reminders');
    assert.equal(queueName('HTCDS import'), 'htcds-import');
    assert.throws(() => queueName('***'));
  });

  it('turns an interval into a cron expression that repeats at the same rhythm, each job at its own minute', () => {
    const hourly = cronFor(3_600_000, 'report retention');
    assert.match(hourly, /^\d{1,2} \* \* \* \*$/);
    assert.notEqual(hourly, cronFor(3_600_000, 'follow-up reminders'), 'two hourly jobs share a minute');
    assert.equal(hourly, cronFor(3_600_000, 'report retention'), 'the minute is stable');
    assert.match(cronFor(86_400_000, 'audit-checkpoint'), /^\d{1,2} \d{1,2} \* \* \*$/);
    assert.match(cronFor(6 * 3_600_000, 'x'), /^\d{1,2} \*\/6 \* \* \*$/);
    assert.equal(cronFor(15 * 60_000, 'x'), '*/15 * * * *');
    assert.equal(cronFor(60_000, 'x'), '* * * * *');
    for (const bad of [90_000, 7 * 3_600_000, 2 * 86_400_000, 1000])
      assert.throws(() => cronFor(bad, 'x'), /not a whole number/);
  });

  it('doubles the retry delay up to an hour', () => {
    assert.deepEqual(
      [1, 2, 3].map((n) => retryDelayMs(n, 10)),
      [10_000, 20_000, 40_000],
    );
    assert.equal(retryDelayMs(30, 10), 3_600_000);
  });

  it('keeps an error’s class, code and place, never its message', () => {
    const err = Object.assign(new Error('duplicate key (email)=(persona@prueba.test)'), { code: '23505' });
    const s = errorSummary(err);
    assert.equal(s.name, 'Error');
    assert.equal(s.code, '23505');
    assert.match(s.at ?? '', /schedule\.test\.ts/);
    assert.doesNotMatch(JSON.stringify(s), /persona|prueba|duplicate/);
    assert.deepEqual(errorSummary('text'), { name: 'string' });
  });
});
