/**
 * The Redis the tests may use (TEST_REDIS_URL, e.g. redis://127.0.0.1:6379). Under CI=true a missing one is an error,
 * never a silent skip; elsewhere `skip` carries the message a skipped test shows.
 */
export function testRedis(): { url: string | undefined; skip: string | false } {
  const url = process.env.TEST_REDIS_URL || undefined;
  if (!url && process.env.CI === 'true') {
    throw new Error('CI=true but TEST_REDIS_URL is not set: the Redis tests cannot be skipped in CI');
  }
  return { url, skip: url ? false : 'TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379): Redis not tested' };
}
