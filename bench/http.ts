import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { createPostgresDatabase, dropPostgresDatabase } from '../src/platform/db/dialect';
import { startProxy } from './proxy';
import { type BenchServer, startBenchServer, waitReady } from './server';

export interface Figures {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

const healthRoute = '/api/health';
const dbRoute = '/api/geo/divisions/EC/0603/children';

/** One measured run, after a short one on the same URL so the route is compiled and its answers warm. */
async function load(url: string, seconds: number, connections: number): Promise<Figures> {
  await autocannon({ url, duration: Math.min(2, seconds), connections, pipelining: 1 });
  const r = await autocannon({ url, duration: seconds, connections, pipelining: 1 });
  return {
    requestsPerSec: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

const ratio = (a: number, b: number) => Number((a / Math.max(1, b)).toFixed(2));

/** Liveness vs the database read on one node, in one run: the read's share of the health route's throughput. */
async function oneNode(
  database: string,
  url: string,
  seconds: number,
  connections: number,
): Promise<Record<string, unknown>[]> {
  const common = { database, nodes: 1, seconds, connections };
  const health = await load(`${url}${healthRoute}`, seconds, connections);
  const dbRead = await load(`${url}${dbRoute}`, seconds, connections);
  return [
    { bench: 'http', case: 'health', route: healthRoute, ...common, ...health },
    { bench: 'http', case: 'db-read', route: dbRoute, ...common, ...dbRead },
    {
      bench: 'http',
      case: 'ratio',
      database,
      dbReadToHealthThroughput: ratio(dbRead.requestsPerSec, health.requestsPerSec),
      goal: '>= 0.5',
      healthToDbReadThroughput: ratio(health.requestsPerSec, dbRead.requestsPerSec),
      dbReadToHealthP99: Number((dbRead.p99Ms / Math.max(0.001, health.p99Ms)).toFixed(2)),
    },
  ];
}

/**
 * Two app processes on one PostgreSQL database (a scratch database, dropped afterwards) behind a round-robin proxy,
 * against one: the same load on the database read through the proxy with one node and with two. Every process
 * (nodes, proxy, load generator, PostgreSQL) shares this machine's cores, so two nodes need not double the figure.
 */
async function postgresNodes(baseUrl: string, seconds: number, connections: number) {
  const name = `minka_bench_http_${process.pid}_${randomBytes(3).toString('hex')}`;
  const dbUrl = await createPostgresDatabase(baseUrl, name);
  // Nothing is shared between the nodes but the database and the master key (from the secret store in production).
  const env = { DATABASE_URL: dbUrl, MINKA_MASTER_KEY: randomBytes(32).toString('base64') };
  const servers: BenchServer[] = [];
  try {
    // One after the other: the first creates the keys and the demo data, the second finds them.
    for (let i = 0; i < 2; i++) {
      const s = await startBenchServer(env);
      servers.push(s);
      await waitReady(s.url);
    }
    const [a, b] = servers as [BenchServer, BenchServer];
    const rows = await oneNode('postgres', a.url, seconds, connections);
    const limits = process.env.MINKA_REDIS_URL ? 'redis' : 'database';
    const common = { bench: 'http', database: 'postgres', limits, route: dbRoute, seconds, connections };
    // The CPU each node spent during the measured run shows how the proxy shared the work out.
    const through = async (nodes: BenchServer[]) => {
      const proxy = await startProxy(nodes.map((n) => n.url));
      try {
        const before = nodes.map((n) => n.cpuSeconds());
        const figures = await load(`${proxy.url}${dbRoute}`, seconds, connections);
        const cpu = nodes.map((n, i) => {
          const [now, then] = [n.cpuSeconds(), before[i]];
          return now === null || then == null ? null : Number((now - then).toFixed(1));
        });
        return { ...figures, cpuSecondsPerNode: cpu };
      } finally {
        await proxy.close();
      }
    };
    const one = await through([a]);
    const two = await through([a, b]);
    rows.push(
      { ...common, case: 'db-read-proxy', nodes: 1, ...one },
      { ...common, case: 'db-read-proxy', nodes: 2, ...two },
      {
        bench: 'http',
        case: 'two-nodes',
        database: 'postgres',
        oneNodeRequestsPerSec: one.requestsPerSec,
        twoNodesRequestsPerSec: two.requestsPerSec,
        twoToOneThroughput: ratio(two.requestsPerSec, one.requestsPerSec),
        cores: availableParallelism(),
      },
    );
    return rows;
  } finally {
    for (const s of servers.reverse()) await s.close();
    await dropPostgresDatabase(baseUrl, name);
  }
}

/**
 * Throughput and latency of liveness vs a database read, on loopback: one SQLite node; then, when
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a PostgreSQL server, one and two PostgreSQL nodes.
 */
export async function httpBench(): Promise<Record<string, unknown>[]> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 8);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
  const rows: Record<string, unknown>[] = [];
  const server = await startBenchServer();
  try {
    rows.push(...(await oneNode('sqlite', server.url, seconds, connections)));
  } finally {
    await server.close();
  }
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl) rows.push(...(await postgresNodes(pgUrl, seconds, connections)));
  else rows.push({ bench: 'http', case: 'two-nodes', skipped: 'set BENCH_DATABASE_URL or TEST_DATABASE_URL' });
  return rows;
}
