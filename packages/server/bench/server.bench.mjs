#!/usr/bin/env node
// Order-server throughput: 32 concurrent clients POST /v1/orders (unique idempotency keys,
// two factories per order) against a real server on 127.0.0.1 for a bounded time or count,
// next to the raw single-row insert rate of the same database at the same concurrency —
// the ceiling an order (order + sub-orders + outbox + idempotency record in one
// transaction) is measured against. PGlite in memory always; PostgreSQL too when
// DATABASE_URL is set (in a fresh schema, dropped afterwards). Imports the built dist/.
//
//   node packages/server/bench/server.bench.mjs      (BENCH_SECONDS=5, BENCH_MAX_ORDERS=4000)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const here = dirname(fileURLToPath(import.meta.url));
const dist = (file) => pathToFileURL(join(here, '../dist', file)).href;
const { openDatabase } = await import(dist('db/open-database.js'));
const { startServer } = await import(dist('node.js'));
const { parseStore } = await import(dist('store/store-file.js'));
const { createLogger } = await import(dist('logger.js'));

const STORE_FILE = resolve(here, '../../../examples/data/store.json');
const CLIENTS = 32;
const WARMUP_ORDERS = 64;

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `worker(i)` on `CLIENTS` concurrent loops until the deadline or the count is reached. */
async function drive({ seconds, maxOps, op }) {
  const latencies = [];
  let issued = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline && issued < maxOps) {
      const n = issued++;
      const t0 = performance.now();
      try {
        await op(n);
        latencies.push(performance.now() - t0);
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, loop));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    failed,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function benchBackend(name, spec, options) {
  const doc = JSON.parse(readFileSync(STORE_FILE, 'utf8'));
  for (const factory of doc.factories) factory.webhookUrl = 'http://127.0.0.1:9/hooks';
  const parsed = parseStore(doc);
  if (!parsed.ok) throw new Error(`demo store is invalid: ${parsed.problems[0]?.message}`);
  const db = await openDatabase(spec, options.schema ? { schema: options.schema, max: 40 } : {});
  const server = await startServer({
    store: parsed.store,
    database: db,
    port: 0,
    dispatch: false,
    handleSignals: false,
    logger: createLogger({ level: 'silent' }),
    app: { rateLimit: false },
  });
  try {
    const headers = { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json' };
    const lines = [
      { skuId: 'plaid-faux-cashmere-scarf-red', quantity: 10 },
      { skuId: 'wool-blend-socks-charcoal', quantity: 24 },
    ];
    const quote = await (
      await fetch(`${server.url}/v1/quotes`, { method: 'POST', headers, body: JSON.stringify({ lines }) })
    ).json();
    const body = JSON.stringify({
      buyer: { name: 'Bench Buyer', phone: '+86 138 0000 0000' },
      shipTo: { country: 'CN', region: 'CN-ZJ', city: 'Yiwu', line1: '1 Bench Road' },
      lines,
      expectedTotal: quote.subtotal,
    });
    const runId = Math.random().toString(36).slice(2, 10);
    const placeOrder = async (n) => {
      const response = await fetch(`${server.url}/v1/orders`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': `bench-${runId}-${n}` },
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`status ${response.status}`);
    };
    await drive({ seconds: 30, maxOps: WARMUP_ORDERS, op: (n) => placeOrder(`warm-${n}`) });
    const orders = await drive({ seconds: options.seconds, maxOps: options.maxOrders, op: placeOrder });

    await db.query(
      `create table bench_scratch (id bigserial primary key, k text not null, payload jsonb not null, created_at timestamptz not null default now())`,
    );
    const payload = JSON.stringify({ lines, total: quote.subtotal });
    const inserts = await drive({
      seconds: options.seconds,
      maxOps: options.maxOrders * 4,
      op: (n) =>
        db.query(`insert into bench_scratch (k, payload) values ($1, $2::jsonb)`, [`k-${n}`, payload]),
    });
    await db.query(`drop table bench_scratch`);
    return { name, orders, inserts };
  } finally {
    await server.close();
    await db.close();
  }
}

function report({ name, orders, inserts }) {
  const ratio = orders.perSecond / inserts.perSecond;
  console.log(
    `server on ${name}: ${CLIENTS} clients, ${orders.seconds.toFixed(1)} s — ${orders.count} orders` +
      `${orders.failed ? ` (${orders.failed} failed)` : ''}, ${orders.perSecond.toFixed(0)} orders/s, ` +
      `p50 ${orders.p50.toFixed(1)} ms, p99 ${orders.p99.toFixed(1)} ms`,
  );
  console.log(
    `  ceiling: raw single-row inserts into ${name} at ${CLIENTS} concurrent: ${inserts.perSecond.toFixed(0)}/s ` +
      `(p50 ${inserts.p50.toFixed(2)} ms, p99 ${inserts.p99.toFixed(2)} ms) → orders at ${(ratio * 100).toFixed(1)} % of it`,
  );
  return {
    name: `server orders on ${name}`,
    clients: CLIENTS,
    orders: orders.count,
    failedOrders: orders.failed,
    ordersPerSecond: orders.perSecond,
    p50Ms: orders.p50,
    p99Ms: orders.p99,
    insertsPerSecond: inserts.perSecond,
    ratioToCeiling: ratio,
    // No budget is set for throughput; a run with failed orders counts as a miss.
    ok: orders.failed === 0 && orders.count > 0,
  };
}

export async function run(options = {}) {
  const seconds = options.seconds ?? Number(process.env.BENCH_SECONDS ?? 5);
  const maxOrders = options.maxOrders ?? Number(process.env.BENCH_MAX_ORDERS ?? 4000);
  const results = [];
  results.push(report(await benchBackend('PGlite (memory)', 'memory', { seconds, maxOrders })));
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_${Math.random().toString(36).slice(2, 10)}`;
    try {
      results.push(report(await benchBackend('PostgreSQL', url, { seconds, maxOrders, schema })));
    } finally {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  } else {
    console.log('  (set DATABASE_URL to measure PostgreSQL too)');
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await run();
  if (results.some((r) => r.ok === false)) process.exitCode = 1;
}
