import { type ChildProcess, spawn } from 'node:child_process';
import * as OTPAuth from 'otpauth';
import { demoPassword, demoTotpSecret } from '../../src/modules/access/demo';
import { minkaBin } from './cli';

const bin = minkaBin;

/** One `minka serve` process: an app node as a load balancer would see it. */
export interface Node {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, and resolves when the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL: the node dies at once, as on a power cut. */
  kill(): Promise<void>;
}

const live = new Set<ChildProcess>();

/** Kills every node a test left running (a failed assertion must not leave servers behind). */
export function killAllNodes(): void {
  for (const c of live) c.kill('SIGKILL');
  live.clear();
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });

/** Starts `minka serve` (a demo unless `args` says otherwise) on a free loopback port; resolves once it serves. */
export function startNode(env: Record<string, string>, args = ['--demo']): Promise<Node> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', MINKA_SECURE_COOKIES: 'false', ...env },
  });
  live.add(child);
  let output = '';
  const done = async (signal: NodeJS.Signals) => {
    live.delete(child);
    child.removeAllListeners('exit');
    const gone = exited(child);
    child.kill(signal);
    await gone;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node did not start in 120 s: ${output}`)), 120_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = output.match(/serving on http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${m[1]}`,
          child,
          output: () => output,
          stop: () => done('SIGTERM'),
          kill: () => done('SIGKILL'),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited with ${code}: ${output}`));
    });
  });
}

/** A signed-in demo account's headers (session cookie and CSRF token), usable on any node. */
export async function signInDemo(base: string, email: string): Promise<Record<string, string>> {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(demoTotpSecret) }).generate();
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword, totp }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, 'x-csrf-token': (await res.json()).csrfToken };
}

/** A JSON request to a node as a signed-in person. */
export async function callNode(
  base: string,
  headers: Record<string, string>,
  method: string,
  url: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever the route answers
): Promise<{ status: number; json: () => Promise<any> }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: () => res.json() };
}
