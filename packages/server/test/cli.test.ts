/**
 * The `chainkit` command, in-process (main()) and as a child process (bin/chainkit.js on
 * the built dist/): a bad store file is refused with every problem and exit code 1; `serve`
 * answers the API; `import` keeps orders; and a server killed with SIGKILL while
 * deliveries are in flight resumes them after a restart, with nothing lost.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '@chainkit/core';
import { main, type CliIo } from '../src/cli.js';
import { openDatabase } from '../src/db/open-database.js';
import { startServer } from '../src/node.js';
import { createLogger } from '../src/logger.js';
import { gate, startReceiver, waitFor, type Receiver } from './dispatch/support.js';

const here = dirname(fileURLToPath(import.meta.url));
const serverDir = resolve(here, '..');
const repoRoot = resolve(serverDir, '../..');
const bin = join(serverDir, 'bin/chainkit.js');
const demoStoreFile = join(repoRoot, 'examples/data/store.json');
const silent = createLogger({ level: 'silent' });

interface DemoStore {
  keys: { secret: string };
  factories: { id: string; webhookUrl: string; webhookSecret: string }[];
  offers: { id: string; title: unknown; pricing: { tiers: { minQuantity: number; unitPrice: number }[] } }[];
}

function capture(env: NodeJS.ProcessEnv = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env,
    out: () => out,
    err: () => err,
  };
}

/** The demo store with its factories' webhooks pointed at `receiverUrl`. */
function demoStore(receiverUrl: string): DemoStore {
  const store = JSON.parse(readFileSync(demoStoreFile, 'utf8')) as DemoStore;
  for (const factory of store.factories) factory.webhookUrl = `${receiverUrl}/hooks/${factory.id}`;
  return store;
}

async function placeOrder(url: string, key: string): Promise<{ id: string; factoryOrders: unknown[] }> {
  const lines = [
    { skuId: 'plaid-faux-cashmere-scarf-red', quantity: 6 },
    { skuId: 'plaid-faux-cashmere-scarf-camel', quantity: 4 },
    { skuId: 'wool-blend-socks-charcoal', quantity: 24 },
  ];
  const headers = { authorization: 'Bearer pk_test_demo', 'content-type': 'application/json' };
  const quote = await fetch(`${url}/v1/quotes`, { method: 'POST', headers, body: JSON.stringify({ lines }) });
  expect(quote.status).toBe(200);
  const { subtotal } = (await quote.json()) as { subtotal: number };
  const response = await fetch(`${url}/v1/orders`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': key },
    body: JSON.stringify({
      buyer: { name: '王小明', phone: '+86 138 0013 8000' },
      shipTo: { country: 'CN', region: 'CN-ZJ', city: '义乌', line1: '稠州北路 88 号' },
      lines,
      expectedTotal: subtotal,
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; factoryOrders: unknown[] };
}

interface Child {
  readonly process: ChildProcess;
  readonly url: Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'warn', VITEST: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout?.resume();
  const url = new Promise<string>((resolveUrl, rejectUrl) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /serving (http:\/\/\S+)/.exec(stderr);
      if (match?.[1]) resolveUrl(match[1]);
    });
    child.on('exit', () => rejectUrl(new Error(`chainkit exited before listening:\n${stderr}`)));
  });
  url.catch(() => undefined);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { process: child, url, exited, stderr: () => stderr };
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'chainkit-cli-'));
  // The child-process tests run the built command; build it when this checkout has no dist yet.
  if (!existsSync(join(serverDir, 'dist/cli.js'))) {
    const built = spawnSync('npx', ['tsc', '-b'], { cwd: repoRoot, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('tsc -b failed');
  }
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('chainkit command line', () => {
  it('prints help and the version, and rejects unknown commands and flags with exit code 2', async () => {
    const help = capture();
    expect((await main(['--help'], help)).code).toBe(0);
    expect(help.out()).toContain('chainkit serve  --store FILE');
    const version = capture();
    expect((await main(['--version'], version)).code).toBe(0);
    expect(version.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
    const unknown = capture();
    expect((await main(['deploy'], unknown)).code).toBe(2);
    expect(unknown.err()).toContain('unknown command "deploy"');
    const badFlag = capture();
    expect((await main(['serve', '--store', demoStoreFile, '--frobnicate'], badFlag)).code).toBe(2);
    const noStore = capture();
    expect((await main(['serve'], noStore)).code).toBe(2);
    expect(noStore.err()).toContain('serve needs --store FILE');
    const badPort = capture();
    expect((await main(['serve', '--store', demoStoreFile, '--port', '99999'], badPort)).code).toBe(2);
  });

  it('refuses a bad store file with every problem listed, exit code 1, and does not start (child process)', async () => {
    const bad = join(work, 'bad-store.json');
    const store = JSON.parse(readFileSync(demoStoreFile, 'utf8')) as Record<string, unknown> & DemoStore;
    store.currency = 'XYZ';
    store.keys.secret = 'not-a-key';
    (store.factories[0] as Record<string, unknown>).webhookSecret = 'hunter2';
    (store.offers[0] as Record<string, unknown>).pricing = { scope: 'offer', tiers: [] };
    writeFileSync(bad, JSON.stringify(store));
    const child = spawnCli(['serve', '--store', bad, '--database', 'memory', '--port', '0']);
    const { code } = await child.exited;
    expect(code).toBe(1);
    const err = child.stderr();
    expect(err).toContain(`Store file ${bad} has`);
    expect(err).toContain('currency');
    expect(err).toContain('keys.secret');
    expect(err).toContain('factories[0].webhookSecret');
    expect(err).toContain('offers[0].pricing.tiers');
    expect(err).not.toContain('serving');
    // Not JSON at all.
    writeFileSync(bad, '{ "currency": ');
    const notJson = capture();
    expect((await main(['serve', '--store', bad, '--database', 'memory'], notJson)).code).toBe(1);
    expect(notJson.err()).toContain('is not valid JSON');
  });

  it('serves the demo store: GET /v1/offers answers, then SIGTERM stops it cleanly (child process)', async () => {
    const child = spawnCli(['serve', '--store', demoStoreFile, '--database', 'memory', '--port', '0']);
    try {
      const url = await child.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${url}/v1/offers?limit=5`, {
        headers: { authorization: 'Bearer pk_test_demo' },
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as { data: { id: string }[] };
      expect(page.data).toHaveLength(5);
      expect(page.data[0]?.id).toBe('down-puffer-short');
      expect(child.stderr()).toContain('catalog version 1 (44 offers)');
    } finally {
      child.process.kill('SIGTERM');
    }
    expect(await child.exited).toEqual({ code: 0, signal: null });
  }, 120_000);
});

describe('chainkit import', () => {
  it('imports catalog changes into a PGlite directory without losing orders, and refuses while a server holds it', async () => {
    const dir = join(work, 'import-data');
    const storeFile = join(work, 'import-store.json');
    const store = demoStore('http://127.0.0.1:9');
    writeFileSync(storeFile, JSON.stringify(store));

    const first = capture();
    expect((await main(['import', '--store', storeFile, '--database', dir], first)).code).toBe(0);
    expect(first.out()).toContain('as version 1 (44 offers)');
    const again = capture();
    expect((await main(['import', '--store', storeFile, '--database', dir], again)).code).toBe(0);
    expect(again.out()).toContain('nothing to import');

    const server = await startServer({
      storeFile,
      database: dir,
      port: 0,
      dispatch: false,
      handleSignals: false,
      logger: silent,
    });
    let orderId: string;
    try {
      expect(server.catalog).toEqual({ version: 1, changed: false, offers: 44 });
      orderId = (await placeOrder(server.url, 'import-keeps-orders-0001')).id;
      // The server holds the directory: an import now would corrupt it, so it is refused.
      const locked = capture();
      expect((await main(['import', '--store', storeFile, '--database', dir], locked)).code).toBe(1);
      expect(locked.err()).toContain('in use by another chainkit process');
    } finally {
      await server.close();
    }

    // Change a price and a title, drop an offer; import.
    const changed = demoStore('http://127.0.0.1:9');
    const scarf = changed.offers.find((o) => o.id === 'plaid-faux-cashmere-scarf');
    if (!scarf) throw new Error('demo store lacks the scarf');
    scarf.pricing.tiers[0]!.unitPrice = 1990;
    scarf.title = {
      'zh-CN': '格子仿羊绒流苏围巾（新款）',
      en: 'Plaid faux-cashmere fringed scarf (new season)',
    };
    changed.offers = changed.offers.filter((o) => o.id !== 'fleece-neck-gaiter');
    writeFileSync(storeFile, JSON.stringify(changed));
    const second = capture();
    expect((await main(['import', '--store', storeFile, '--database', dir], second)).code).toBe(0);
    expect(second.out()).toContain('as version 2 (43 offers)');

    const db = await openDatabase(dir);
    try {
      const orders = await db.query<{ id: string; catalog_version: number; total: number }>(
        'select id, catalog_version, total from orders',
      );
      expect(orders.rows.map((r) => [r.id, r.catalog_version])).toEqual([[orderId, 1]]);
      const subOrders = await db.query<{ n: number }>(
        'select count(*)::int as n from factory_orders where order_id = $1',
        [orderId],
      );
      expect(subOrders.rows[0]?.n).toBe(2);
      const outbox = await db.query<{ n: number }>('select count(*)::int as n from outbox');
      expect(outbox.rows[0]?.n).toBe(2);
      const offers = await db.query<{ n: number }>('select count(*)::int as n from offers');
      expect(offers.rows[0]?.n).toBe(43);
      const doc = await db.query<{ price: number }>(
        `select (doc->'pricing'->'tiers'->0->>'unitPrice')::int as price from offers where id = 'plaid-faux-cashmere-scarf'`,
      );
      expect(doc.rows[0]?.price).toBe(1990);
    } finally {
      await db.close();
    }
  }, 180_000);

  // Defined only when a PostgreSQL server is there, like the back-end matrix of the other suites.
  for (const base of process.env.TEST_DATABASE_URL ? [process.env.TEST_DATABASE_URL] : [])
    it('imports into PostgreSQL while a server is running on it, keeping orders', async () => {
      const schema = `cli_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      const storeFile = join(work, 'pg-store.json');
      writeFileSync(storeFile, JSON.stringify(demoStore('http://127.0.0.1:9')));
      const server = await startServer({
        storeFile,
        database: url,
        port: 0,
        dispatch: false,
        handleSignals: false,
        logger: silent,
      });
      try {
        const order = await placeOrder(server.url, 'pg-import-keeps-orders-01');
        const changed = demoStore('http://127.0.0.1:9');
        changed.offers = changed.offers.filter((o) => o.id !== 'fleece-neck-gaiter');
        writeFileSync(storeFile, JSON.stringify(changed));
        const out = capture();
        expect((await main(['import', '--store', storeFile, '--database', url], out)).code).toBe(0);
        expect(out.out()).toContain('as version 2 (43 offers)');
        // The running server serves the new catalog on its next request, and the order is still there.
        const gone = await fetch(`${server.url}/v1/offers/fleece-neck-gaiter`, {
          headers: { authorization: 'Bearer pk_test_demo' },
        });
        expect(gone.status).toBe(404);
        const read = await fetch(`${server.url}/v1/orders/${order.id}`, {
          headers: { authorization: `Bearer ${changed.keys.secret}` },
        });
        expect(read.status).toBe(200);
        const tables = await admin.query(`select count(*)::int as n from ${schema}.orders`);
        expect(tables.rows[0]?.n).toBe(1);
      } finally {
        await server.close();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    }, 120_000);
});

describe('crash and restart', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('a server killed with SIGKILL mid-delivery resumes after a restart; every factory gets its message', async () => {
    const dir = join(work, 'crash-data');
    const storeFile = join(work, 'crash-store.json');
    const store = demoStore(receiver.url);
    writeFileSync(storeFile, JSON.stringify(store));
    const env = {
      CHAINKIT_WEBHOOK_TIMEOUT_MS: '1000',
      CHAINKIT_DISPATCH_LEASE_MS: '1000', // raised to timeout + 5 s by the dispatcher
      CHAINKIT_DISPATCH_POLL_MS: '50',
    };
    const args = ['serve', '--store', storeFile, '--database', dir, '--port', '0'];

    // 1. Factories hang: the first server places an order and starts delivering, then dies.
    const hang = gate();
    receiver.handle(() => ({ status: 200, hold: hang.promise }));
    const first = spawnCli(args, env);
    const order = await placeOrder(await first.url, 'crash-resume-000000001');
    expect(order.factoryOrders).toHaveLength(2);
    await waitFor(() => receiver.receipts.length === 2, 60_000, 'both deliveries in flight');
    first.process.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    hang.open();

    // 2. Factories are healthy again; a restarted server picks the messages up when the lease runs out.
    receiver.handle(() => ({ status: 200 }));
    const second = spawnCli(args, env);
    try {
      await second.url;
      await waitFor(() => receiver.receipts.length >= 4, 90_000, 'redelivery after restart');
    } finally {
      second.process.kill('SIGTERM');
    }
    expect((await second.exited).code).toBe(0);

    const byId = new Map<string, string[]>();
    for (const receipt of receiver.receipts) {
      const id = receipt.headers['webhook-id'] as string;
      byId.set(id, [...(byId.get(id) ?? []), receipt.path]);
    }
    expect(byId.size).toBe(2);
    for (const paths of byId.values()) expect(paths).toHaveLength(2);
    const factories = [...byId.values()].map((paths) => paths[0]).sort();
    expect(factories).toEqual(['/hooks/f-yiwu-knit', '/hooks/f-zhuji-socks']);
    for (const receipt of receiver.receipts.slice(2)) {
      const factoryId = receipt.path.split('/').pop();
      const secret = store.factories.find((f) => f.id === factoryId)?.webhookSecret as string;
      expect((await verifyWebhook(secret, receipt.headers, receipt.body)).ok).toBe(true);
      expect(receipt.body).not.toContain('undefined');
    }

    const db = await openDatabase(dir);
    try {
      const outbox = await db.query<{ status: string; attempts: number }>(
        `select status, attempts from outbox where order_id = $1 order by id`,
        [order.id],
      );
      expect(outbox.rows).toEqual([
        { status: 'delivered', attempts: 1 },
        { status: 'delivered', attempts: 1 },
      ]);
    } finally {
      await db.close();
    }
  }, 240_000);
});
