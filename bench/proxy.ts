import { Worker } from 'node:worker_threads';

export interface Proxy {
  url: string;
  close(): Promise<number>;
}

// A load balancer's simplest mode: each new connection goes to the next node in turn, bytes are copied both ways.
// It runs on its own thread so it does not share an event loop with the load generator.
const source = `
const net = require('node:net');
const { parentPort, workerData } = require('node:worker_threads');
const targets = workerData.targets;
let next = 0;
const open = new Set();
const server = net.createServer((client) => {
  const target = targets[next++ % targets.length];
  const upstream = net.connect(target.port, target.host);
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  client.pipe(upstream).pipe(client);
  open.add(client);
  const end = () => { open.delete(client); client.destroy(); upstream.destroy(); };
  client.on('error', end);
  upstream.on('error', end);
  client.on('close', end);
  upstream.on('close', end);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => {
  if (m !== 'close') return;
  server.close(() => parentPort.postMessage({ closed: next }));
  for (const c of open) c.destroy();
});
`;

/** A round-robin TCP proxy on a loopback port in front of the given `http://host:port` nodes. */
export function startProxy(nodes: string[]): Promise<Proxy> {
  const targets = nodes.map((u) => {
    const url = new URL(u);
    return { host: url.hostname, port: Number(url.port) };
  });
  const worker = new Worker(source, { eval: true, workerData: { targets } });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { port: number }) =>
      resolve({
        url: `http://127.0.0.1:${m.port}`,
        close: () =>
          new Promise<number>((done) => {
            worker.once('message', async (c: { closed: number }) => {
              await worker.terminate();
              done(c.closed);
            });
            worker.postMessage('close');
          }),
      }),
    );
  });
}
