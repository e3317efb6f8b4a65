import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tempDir } from '../tests/support/db';

export interface BenchServer {
  url: string;
  /** CPU seconds the process has used so far (Linux /proc; null elsewhere). */
  cpuSeconds(): number | null;
  close(): Promise<void>;
}

/** Runs `minka serve --demo` in its own process (so the load generator does not share its event loop) on a temp data dir. */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const tmp = tempDir('minka-bench-');
  const child: ChildProcess = spawn(process.execPath, ['bin/minka.js', 'serve', '--demo'], {
    env: {
      ...process.env,
      MINKA_DATA_DIR: tmp.dir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      MINKA_RATE_LIMIT_MAX: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 120_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/serving on http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    cpuSeconds: () => {
      try {
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return null;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => {
          tmp.remove();
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Resolves once the node answers /api/ready with 200 (database reachable, migrations applied). */
export async function waitReady(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${url}/api/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > until) throw new Error(`${url} not ready (last status ${status})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
