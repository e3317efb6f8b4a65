import autocannon from 'autocannon';
import { startBenchServer } from './server';

export interface Figures {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, seconds: number, connections: number): Promise<Figures> {
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

/** Throughput and latency of liveness vs a database read, on loopback, in one run. */
export async function httpBench(): Promise<Record<string, unknown>[]> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 8);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
  const server = await startBenchServer();
  try {
    await load(`${server.url}/api/health`, 1, connections); // warm-up
    const health = await load(`${server.url}/api/health`, seconds, connections);
    const dbRoute = '/api/geo/divisions/EC/0603/children';
    const dbRead = await load(`${server.url}${dbRoute}`, seconds, connections);
    const common = { database: 'sqlite', seconds, connections };
    return [
      { bench: 'http', case: 'health', route: '/api/health', ...common, ...health },
      { bench: 'http', case: 'db-read', route: dbRoute, ...common, ...dbRead },
      {
        bench: 'http',
        case: 'ratio',
        healthToDbReadThroughput: Number((health.requestsPerSec / Math.max(1, dbRead.requestsPerSec)).toFixed(2)),
        dbReadToHealthP99: Number((dbRead.p99Ms / Math.max(0.001, health.p99Ms)).toFixed(2)),
      },
    ];
  } finally {
    await server.close();
  }
}
