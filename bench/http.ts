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
  /** CPU the serving processes spent per request (Linux), which other work on a busy machine hardly moves. */
  serverCpuMicrosPerRequest: number | null;
}

const healthRoute = '/api/health';
const dbRoute = '/api/geo/divisions/EC/0603/children';

interface Target {
  url: string;
  /** The processes that serve it, whose CPU is counted. */
  servers: BenchServer[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const cpuOf = (servers: BenchServer[]) =>
  servers.reduce<number | null>((sum, s) => {
    const c = s.cpuSeconds();
    return sum === null || c === null ? null : sum + c;
  }, 0);

/**
 * Loads each target in turn, round after round (after a short warm-up of each): on a machine busy with other work,
 * a slow moment then weighs on every target alike instead of on whichever ran then. Latencies are the rounds' medians.
 */
async function alternate(targets: Target[], seconds: number, connections: number): Promise<Figures[]> {
  const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 4));
  const run = (url: string, duration: number) => autocannon({ url, duration, connections, pipelining: 1 });
  for (const t of targets) await run(t.url, Math.min(2, seconds));
  const totals = targets.map(() => ({ requests: 0, seconds: 0, errors: 0, non2xx: 0, cpu: 0 as number | null }));
  const latencies = targets.map(() => ({ p50: [] as number[], p99: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, t] of targets.entries()) {
      const before = cpuOf(t.servers);
      const r = await run(t.url, seconds / rounds);
      const after = cpuOf(t.servers);
      const total = totals[i]!;
      total.requests += r.requests.total;
      total.seconds += r.duration;
      total.errors += r.errors;
      total.non2xx += r.non2xx;
      total.cpu = total.cpu === null || before === null || after === null ? null : total.cpu + after - before;
      latencies[i]!.p50.push(r.latency.p50);
      latencies[i]!.p99.push(r.latency.p99);
    }
  }
  return totals.map((t, i) => ({
    requestsPerSec: Math.round(t.requests / Math.max(0.001, t.seconds)),
    p50Ms: median(latencies[i]!.p50),
    p99Ms: median(latencies[i]!.p99),
    requests: t.requests,
    errors: t.errors,
    non2xx: t.non2xx,
    serverCpuMicrosPerRequest: t.cpu === null ? null : Math.round((t.cpu * 1e6) / Math.max(1, t.requests)),
  }));
}

const ratio = (a: number, b: number) => Number((a / Math.max(1, b)).toFixed(2));

/** Liveness vs the database read on one node, in one run: the read's share of the health route's throughput. */
async function oneNode(
  database: string,
  server: BenchServer,
  seconds: number,
  connections: number,
): Promise<Record<string, unknown>[]> {
  const common = { database, nodes: 1, seconds, connections };
  const [health, dbRead] = (await alternate(
    [
      { url: `${server.url}${healthRoute}`, servers: [server] },
      { url: `${server.url}${dbRoute}`, servers: [server] },
    ],
    seconds,
    connections,
  )) as [Figures, Figures];
  const cpu = (f: Figures) => f.serverCpuMicrosPerRequest ?? 0;
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
      // The health route's CPU per request over the read's: what the throughput ratio tends to when the server is
      // the bottleneck.
      dbReadToHealthCpu: cpu(dbRead) ? Number((cpu(health) / cpu(dbRead)).toFixed(2)) : null,
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
    const rows = await oneNode('postgres', a, seconds, connections);
    const limits = process.env.MINKA_REDIS_URL ? 'redis' : 'database';
    const common = { bench: 'http', database: 'postgres', limits, route: dbRoute, seconds, connections };
    // The same proxy in front of one node and of two, so its own cost is in both figures.
    const proxies = [await startProxy([a.url]), await startProxy([a.url, b.url])];
    try {
      const [one, two] = (await alternate(
        [
          { url: `${proxies[0]!.url}${dbRoute}`, servers: [a] },
          { url: `${proxies[1]!.url}${dbRoute}`, servers: [a, b] },
        ],
        seconds,
        connections,
      )) as [Figures, Figures];
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
          twoToOneCpuPerRequest:
            one.serverCpuMicrosPerRequest && two.serverCpuMicrosPerRequest
              ? ratio(two.serverCpuMicrosPerRequest, one.serverCpuMicrosPerRequest)
              : null,
        },
      );
    } finally {
      for (const p of proxies) await p.close();
    }
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
    rows.push(...(await oneNode('sqlite', server, seconds, connections)));
  } finally {
    await server.close();
  }
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl) rows.push(...(await postgresNodes(pgUrl, seconds, connections)));
  else rows.push({ bench: 'http', case: 'two-nodes', skipped: 'set BENCH_DATABASE_URL or TEST_DATABASE_URL' });
  return rows;
}
