/**
 * The browser entry (`@chainkit/server/browser`) in Node: in-memory PGlite, the package's
 * migrations passed as a list (as the docs playground does), the demo store document. Quotes,
 * an idempotent order split into factory sub-orders, and its status read back with its token.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInBrowserServer, InBrowserStoreError, type InBrowserServer } from '../src/browser.js';
import { loadMigrations } from '../src/db/migrate.js';

const storeDoc: unknown = JSON.parse(
  readFileSync(new URL('../../../examples/data/store.json', import.meta.url), 'utf8'),
);
const API = 'https://playground.invalid';
const PK = 'pk_test_demo';

let server: InBrowserServer;

function call(path: string, init: RequestInit & { auth?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${init.auth ?? PK}`);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  return server.fetch(new Request(`${API}${path}`, { ...init, headers }));
}

const ORDER = {
  buyer: { name: 'Li Wei', phone: '+86 138 0000 0000' },
  shipTo: { country: 'CN', region: 'CN-ZJ', city: 'Hangzhou', line1: '1 West Lake Road' },
  lines: [
    { skuId: 'wool-blend-socks-charcoal', quantity: 24 },
    { skuId: 'padded-parka-olive-m', quantity: 6 },
  ],
};

beforeAll(async () => {
  server = await createInBrowserServer({ store: storeDoc, migrations: await loadMigrations() });
});

afterAll(async () => {
  await server?.close();
});

describe('createInBrowserServer', () => {
  it('serves the demo catalog', async () => {
    const response = await call('/v1/offers?limit=100');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { id: string }[] };
    expect(body.data.map((offer) => offer.id)).toContain('wool-blend-socks');
  });

  it('quotes with the ladder, in integer minor units', async () => {
    const response = await call('/v1/quotes', {
      method: 'POST',
      body: JSON.stringify({ lines: [{ skuId: 'wool-blend-socks-charcoal', quantity: 120 }] }),
    });
    expect(response.status).toBe(200);
    const quote = (await response.json()) as { subtotal: number; ok: boolean };
    // 120 pairs reach the 5.90 tier: 120 × 590 fen.
    expect(quote).toMatchObject({ ok: true, subtotal: 120 * 590 });
  });

  it('places an order once per idempotency key, split into factory sub-orders', async () => {
    const quoted = await call('/v1/quotes', { method: 'POST', body: JSON.stringify({ lines: ORDER.lines }) });
    const { subtotal } = (await quoted.json()) as { subtotal: number };
    // 24 pairs at 6.80 and 6 parkas at 189.00.
    expect(subtotal).toBe(24 * 680 + 6 * 18900);
    const body = JSON.stringify({ ...ORDER, expectedTotal: subtotal });
    const key = `idem-${crypto.randomUUID()}`;
    const place = () => call('/v1/orders', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
    const first = await place();
    expect(first.status).toBe(201);
    const order = (await first.json()) as {
      id: string;
      accessToken: string;
      factoryOrders: { id: string; factoryId: string; lines: unknown[] }[];
    };
    expect(order.id).toMatch(/^ord_/);
    expect(order.factoryOrders.length).toBe(2);
    expect(new Set(order.factoryOrders.map((fo) => fo.factoryId)).size).toBe(2);

    const again = await place();
    expect(again.headers.get('Idempotency-Replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(order.id);

    const status = await call(`/v1/orders/${order.id}`, { auth: order.accessToken });
    expect(status.status).toBe(200);
    const read = (await status.json()) as { id: string; factoryOrders: unknown[] };
    expect(read.id).toBe(order.id);
    expect(read.factoryOrders.length).toBe(2);
  });

  it('starts from a dumped data directory, with its orders', async () => {
    const quoted = await call('/v1/quotes', { method: 'POST', body: JSON.stringify({ lines: ORDER.lines }) });
    const { subtotal } = (await quoted.json()) as { subtotal: number };
    const placed = await call('/v1/orders', {
      method: 'POST',
      body: JSON.stringify({ ...ORDER, expectedTotal: subtotal }),
      headers: { 'Idempotency-Key': `idem-${crypto.randomUUID()}` },
    });
    const order = (await placed.json()) as { id: string; accessToken: string };
    const archive = await server.dumpDataDir();
    expect(archive.size).toBeGreaterThan(0);

    const restored = await createInBrowserServer({
      store: storeDoc,
      migrations: await loadMigrations(),
      dataDirArchive: archive,
    });
    try {
      const read = await restored.fetch(
        new Request(`${API}/v1/orders/${order.id}`, {
          headers: { Authorization: `Bearer ${order.accessToken}` },
        }),
      );
      expect(read.status).toBe(200);
      const versions = await restored.fetch(
        new Request(`${API}/v1/offers?limit=1`, { headers: { Authorization: `Bearer ${PK}` } }),
      );
      expect(versions.status).toBe(200);
    } finally {
      await restored.close();
    }
  });

  it('rejects an invalid store document, naming the problems', async () => {
    await expect(createInBrowserServer({ store: { offers: 'none' }, migrations: [] })).rejects.toThrow(
      InBrowserStoreError,
    );
  });
});

/** Every bare or `node:` module reached by static or dynamic imports from `entry`, following relative ones. */
function externalImports(entry: string): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(
      /(?:^|\n)\s*(?:import|export)(?!\s+type\b)[^'";]*?from\s+'([^']+)'|import\('([^']+)'\)/g,
    )) {
      const spec = match[1] ?? match[2] ?? '';
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (!found.has(spec)) found.set(spec, file);
    }
  };
  visit(entry);
  return found;
}

describe('the browser entry import graph', () => {
  it('reaches no Node-only module', () => {
    const entry = fileURLToPath(new URL('../src/browser.ts', import.meta.url));
    const external = externalImports(entry);
    const nodeOnly = [...external].filter(([spec]) => /^(node:|pg$|pino$|@hono\/node-server)/.test(spec));
    expect(nodeOnly).toEqual([]);
    expect([...external.keys()]).toContain('@electric-sql/pglite');
  });
});
