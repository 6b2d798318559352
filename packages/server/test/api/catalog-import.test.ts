import { beforeEach, describe, expect, it } from 'vitest';
import { importCatalog } from '../../src/catalog/import-catalog.js';
import { CatalogCache } from '../../src/catalog/current-catalog.js';
import { backends, useTestDb } from '../helpers/test-db.js';
import { json, setupApp, type TestApp } from '../helpers/test-app.js';
import { ORDER_TOTAL, orderBody, PK, SK, testStore } from '../helpers/test-store.js';

/** The test store with the socks' ladder raised by one fen per tier. */
const repricedStore = () =>
  testStore((doc) => {
    const socks = (doc.offers as { id: string; pricing: { tiers: { unitPrice: number }[] } }[])[0]!;
    for (const tier of socks.pricing.tiers) tier.unitPrice += 1;
  });

describe.each(backends)('catalog import on $name', (backend) => {
  const t = useTestDb(backend);
  let api: TestApp;
  beforeEach(async () => {
    api = await setupApp(t.db);
  });

  it('creates a new version and rewrites offers without touching orders', async () => {
    const placed = await json(
      await api.post('/v1/orders', orderBody(), PK, { 'Idempotency-Key': 'before-import' }),
    );
    const before = await t.db.query('select * from orders');
    const result = await importCatalog(t.db, repricedStore().catalog);
    expect(result).toEqual({ version: 2, changed: true, offers: api.store.catalog.offers.length });

    const after = await t.db.query('select * from orders');
    expect(after.rows).toEqual(before.rows);
    expect(await json(await api.get(`/v1/orders/${placed.id}`, SK))).toMatchObject({ total: ORDER_TOTAL });
    expect((await t.db.query('select id from factory_orders')).rows).toHaveLength(2);
    expect((await t.db.query('select id from outbox')).rows).toHaveLength(2);

    // The running app prices from the new version at once.
    const quote = await json(
      await api.post('/v1/quotes', { lines: [{ skuId: 'socks-red', quantity: 100 }] }),
    );
    expect(quote.subtotal).toBe(100 * 451);
    const stale = await api.post('/v1/orders', orderBody(), PK, { 'Idempotency-Key': 'after-import' });
    expect(stale.status).toBe(409);
    expect((await json(stale)).error.details.total).toBe(ORDER_TOTAL + 100);
    const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from offers');
    expect(rows[0]?.n).toBe(api.store.catalog.offers.length);
  });

  it('skips an unchanged catalog when asked, and imports it otherwise', async () => {
    expect(await importCatalog(t.db, api.store.catalog, { onlyIfChanged: true })).toMatchObject({
      version: 1,
      changed: false,
    });
    expect(await importCatalog(t.db, repricedStore().catalog, { onlyIfChanged: true })).toMatchObject({
      version: 2,
      changed: true,
    });
    expect(await importCatalog(t.db, repricedStore().catalog)).toMatchObject({ version: 3, changed: true });
  });

  it('serializes concurrent imports: distinct versions, one consistent offers table', async () => {
    const results = await Promise.all([
      importCatalog(t.db, repricedStore().catalog),
      importCatalog(t.db, api.store.catalog),
      importCatalog(t.db, repricedStore().catalog),
    ]);
    expect(results.map((r) => r.version).sort()).toEqual([2, 3, 4]);
    const { rows } = await t.db.query<{ versions: number; n: number }>(
      'select count(distinct catalog_version)::int as versions, count(*)::int as n from offers',
    );
    expect(rows[0]).toEqual({ versions: 1, n: api.store.catalog.offers.length });
  });

  it('caches the catalog per version and notices a newer one', async () => {
    const cache = new CatalogCache();
    const first = await cache.current(t.db);
    expect(first?.version).toBe(1);
    expect(await cache.current(t.db)).toBe(first);
    await importCatalog(t.db, repricedStore().catalog);
    const second = await cache.current(t.db);
    expect(second?.version).toBe(2);
    expect(second?.offers.get('socks')?.pricing.tiers[0]?.unitPrice).toBe(501);
  });
});
