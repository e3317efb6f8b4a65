import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';

/**
 * The response headers @fastify/helmet sets with these options, worked out once. The plugin builds Helmet again
 * on every request (parsing the whole Content-Security-Policy each time), about a tenth of a small answer's cost;
 * the headers never change with the request, so they are taken from one request to a throwaway server and set as
 * they are. Helmet stays the source of every header and value.
 */
export async function securityHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const answerWith = async (withHelmet: boolean) => {
    const probe = Fastify({ logger: false });
    if (withHelmet) await probe.register(helmet, options);
    probe.get('/', () => 'ok');
    const res = await probe.inject({ method: 'GET', url: '/' });
    await probe.close();
    return res.headers;
  };
  const plain = await answerWith(false);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(await answerWith(true))) {
    if (!(name in plain) && typeof value === 'string') headers[name] = value;
  }
  return headers;
}
