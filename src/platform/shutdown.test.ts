// A load balancer's orchestrator stops a node with SIGTERM: the node finishes the requests it has started, refuses
// new ones, and exits cleanly.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, describe, it } from 'node:test';
import { tempDir } from '../../tests/support/db';
import { killAllNodes, startNode } from '../../tests/support/nodes';

describe('graceful shutdown', () => {
  const tmp = tempDir();
  after(() => {
    killAllNodes();
    tmp.remove();
  });

  it('finishes a request in flight when SIGTERM arrives, then exits with 0', async () => {
    const node = await startNode(
      { MINKA_DATA_DIR: tmp.dir, MINKA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') },
      [],
    );
    const { port } = new URL(node.url);
    const body = 'lang=es&token=x&what=una+prueba';
    // A request whose body arrives slowly: it is in flight while the node is told to stop.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/report',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => {
            text += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        node.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 500);
      }, 200);
    });
    const exit = new Promise<number | null>((resolve) => node.child.once('exit', (code) => resolve(code)));
    const res = await answer;
    // The route itself answered (the token is not valid), not a reset connection or a 503 from a closing server.
    assert.ok(res.status >= 200 && res.status < 500 && res.status !== 503, `status ${res.status}`);
    assert.match(res.text, /<html/i);
    assert.equal(await exit, 0);
    // And it no longer takes connections.
    await assert.rejects(fetch(`${node.url}/api/health`));
  });
});
