import { beforeEach, describe, expect, it } from 'vitest';
import { importCatalog } from '../../src/catalog/import-catalog.js';
import { backends, useTestDb } from '../helpers/test-db.js';
import { json, setupApp, type TestApp } from '../helpers/test-app.js';
import { FILLER_OFFERS, FK_YIWU, orderBody, PK, SK, testStore } from '../helpers/test-store.js';

const TOTAL_OFFERS = 3 + FILLER_OFFERS;

describe.each(backends)('offers and quotes on $name', (backend) => {
  const t = useTestDb(backend);
  let api: TestApp;
  beforeEach(async () => {
    api = await setupApp(t.db);
  });

  describe('GET /v1/offers', () => {
    it('lists offers in catalog order with the currency and a cursor', async () => {
      const response = await api.get('/v1/offers?limit=2');
      expect(response.status).toBe(200);
      const body = await json(response);
      expect(body.currency).toBe('CNY');
      expect(body.data.map((o: { id: string }) => o.id)).toEqual(['socks', 'mug']);
      expect(typeof body.nextCursor).toBe('string');
    });

    it('pages through every offer exactly once with the cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `?limit=10&cursor=${encodeURIComponent(cursor)}` : '?limit=10';
        const body = await json(await api.get(`/v1/offers${query}`));
        seen.push(...body.data.map((o: { id: string }) => o.id));
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(Math.ceil(TOTAL_OFFERS / 10));
      expect(seen).toHaveLength(TOTAL_OFFERS);
      expect(new Set(seen).size).toBe(TOTAL_OFFERS);
      expect(seen).toEqual(api.store.catalog.offers.map((o) => o.id));
    });

    it('defaults to 20 per page and ends with nextCursor null', async () => {
      const first = await json(await api.get('/v1/offers'));
      expect(first.data).toHaveLength(20);
      const second = await json(await api.get(`/v1/offers?cursor=${first.nextCursor}`));
      expect(second.data).toHaveLength(TOTAL_OFFERS - 20);
      expect(second.nextCursor).toBeNull();
    });

    it('searches titles in every locale, case-insensitively', async () => {
      const english = await json(await api.get('/v1/offers?q=COTTON'));
      expect(english.data.map((o: { id: string }) => o.id)).toEqual(['socks']);
      const chinese = await json(await api.get(`/v1/offers?q=${encodeURIComponent('马克杯')}`));
      expect(chinese.data.map((o: { id: string }) => o.id)).toEqual(['mug']);
      const plain = await json(await api.get('/v1/offers?q=tote'));
      expect(plain.data.map((o: { id: string }) => o.id)).toEqual(['tote']);
      const fullWidth = await json(await api.get(`/v1/offers?q=${encodeURIComponent('ＣＥＲＡＭＩＣ')}`));
      expect(fullWidth.data.map((o: { id: string }) => o.id)).toEqual(['mug']);
      const none = await json(await api.get('/v1/offers?q=nothing-like-this'));
      expect(none).toEqual({ currency: 'CNY', data: [], nextCursor: null });
    });

    it('treats LIKE wildcards in q as plain text', async () => {
      const body = await json(await api.get(`/v1/offers?q=${encodeURIComponent('%')}`));
      expect(body.data).toEqual([]);
    });

    it('filters by category, combined with search and paging', async () => {
      const apparel = await json(await api.get('/v1/offers?category=apparel'));
      expect(apparel.data.map((o: { id: string }) => o.id)).toEqual(['socks', 'tote']);
      const page = await json(await api.get('/v1/offers?category=misc&limit=5&q=widget'));
      expect(page.data).toHaveLength(5);
      expect(page.data.every((o: { category: string }) => o.category === 'misc')).toBe(true);
      const next = await json(
        await api.get(`/v1/offers?category=misc&limit=5&q=widget&cursor=${page.nextCursor}`),
      );
      expect(next.data[0].id).toBe('filler-05');
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=abc', 'limit'],
      ['cursor=not-a-cursor!', 'cursor'],
      [`cursor=${btoa('["x"]')}`, 'cursor'],
    ])('rejects %s with 400 naming the parameter', async (query, field) => {
      const response = await api.get(`/v1/offers?${query}`);
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.details[0].path).toBe(field);
    });

    it('needs a publishable or secret key', async () => {
      expect((await api.get('/v1/offers', null)).status).toBe(401);
      expect((await api.get('/v1/offers', FK_YIWU)).status).toBe(401);
      expect((await api.get('/v1/offers', SK)).status).toBe(200);
      expect((await api.get('/v1/offers', 'pk_test_unknown')).status).toBe(401);
    });

    it('answers 503 catalog_unavailable before any import', async () => {
      await t.db.query('truncate offers, catalog_versions cascade');
      const response = await api.get('/v1/offers');
      expect(response.status).toBe(503);
      expect((await json(response)).error.code).toBe('catalog_unavailable');
    });
  });

  describe('GET /v1/offers/:id', () => {
    it('returns the offer, the currency and its factories without any secret', async () => {
      const response = await api.get('/v1/offers/tote');
      expect(response.status).toBe(200);
      const text = await response.text();
      const body = JSON.parse(text);
      expect(body.currency).toBe('CNY');
      expect(body.offer.id).toBe('tote');
      expect(body.offer.title).toBe('Canvas Tote Bag');
      expect(body.factories.map((f: { id: string }) => f.id).sort()).toEqual(['f-ningbo', 'f-yiwu']);
      expect(text).not.toMatch(/fk_|whsec_|apiKey|webhook/);
    });

    it('keeps the key order of the catalog document (attribute axes, locales)', async () => {
      const store = testStore((doc) => {
        const mug = (doc.offers as { id: string; title: unknown; skus: { attributes: unknown }[] }[])[1]!;
        mug.title = { 'zh-CN': '陶瓷马克杯', en: 'Ceramic Mug' };
        mug.skus[0]!.attributes = { finish: 'matte', color: 'white', size: 'L' };
      });
      await importCatalog(t.db, store.catalog);
      for (const path of ['/v1/offers/mug', '/v1/offers?category=kitchen']) {
        const text = await (await api.get(path)).text();
        expect(text).toContain('"title":{"zh-CN":"陶瓷马克杯","en":"Ceramic Mug"}');
        expect(text).toContain('"attributes":{"finish":"matte","color":"white","size":"L"}');
      }
    });

    it('is 404 not_found for an unknown id', async () => {
      const response = await api.get('/v1/offers/nope');
      expect(response.status).toBe(404);
      expect((await json(response)).error.code).toBe('not_found');
    });

    it('serves a new import from the next request (catalog cache per version)', async () => {
      expect((await api.get('/v1/offers/tote')).status).toBe(200);
      const store = testStore((doc) => {
        const offers = doc.offers as { id: string }[];
        doc.offers = offers.filter((o) => o.id !== 'tote');
      });
      await importCatalog(t.db, store.catalog);
      expect((await api.get('/v1/offers/tote')).status).toBe(404);
      const list = await json(await api.get('/v1/offers?category=apparel'));
      expect(list.data.map((o: { id: string }) => o.id)).toEqual(['socks']);
    });
  });

  describe('POST /v1/quotes', () => {
    it('returns the core quote: mixed batch picks the tier from the offer total', async () => {
      const response = await api.post('/v1/quotes', {
        lines: [
          { skuId: 'socks-red', quantity: 60 },
          { skuId: 'socks-blue', quantity: 40 },
        ],
      });
      expect(response.status).toBe(200);
      const body = await json(response);
      expect(body.ok).toBe(true);
      expect(body.subtotal).toBe(100 * 450);
      expect(body.lines.map((l: { unitPrice: number }) => l.unitPrice)).toEqual([450, 450]);
      expect(body.offers[0].nextTier).toEqual({ addQuantity: 400, unitPrice: 400 });
    });

    it('reports violations with 200 and ok false', async () => {
      const body = await json(
        await api.post('/v1/quotes', {
          lines: [
            { skuId: 'socks-red', quantity: 15 },
            { skuId: 'nope', quantity: 1 },
          ],
        }),
      );
      expect(body.ok).toBe(false);
      const codes = [
        ...body.violations,
        ...body.offers.flatMap((o: { violations: unknown[] }) => o.violations),
      ].map((v: { code: string }) => v.code);
      expect(codes).toEqual(expect.arrayContaining(['unknown_sku', 'below_moq', 'not_multiple_of_step']));
    });

    it('has no routing without shipTo', async () => {
      const body = await json(
        await api.post('/v1/quotes', { lines: [{ skuId: 'mug-white', quantity: 12 }] }),
      );
      expect(body).not.toHaveProperty('routing');
    });

    it('with shipTo, previews the routing the order would get, queues included', async () => {
      const order = orderBody();
      const previewOf = async () =>
        (
          await json(
            await api.post('/v1/quotes', { lines: order.lines, shipTo: { country: 'cn', region: 'CN-ZJ' } }),
          )
        ).routing;
      const before = await previewOf();
      expect(before.unassignedUnits).toBe(0);
      expect(before.rows.reduce((sum: number, row: { units: number }) => sum + row.units, 0)).toBe(112);
      expect(before.rows.map((row: { factoryName: string }) => row.factoryName)).toContain('Dehua Ceramics');
      const placed = await json(await api.post('/v1/orders', order, PK, { 'Idempotency-Key': 'preview-1' }));
      expect(
        placed.factoryOrders.map(
          (fo: { factoryId: string; subtotal: number; estimatedShipDate: string }) => ({
            factoryId: fo.factoryId,
            subtotal: fo.subtotal,
            estimatedShipDate: fo.estimatedShipDate,
          }),
        ),
      ).toEqual(
        before.rows.map((row: { factoryId: string; subtotal: number; estimatedShipDate: string }) => ({
          factoryId: row.factoryId,
          subtotal: row.subtotal,
          estimatedShipDate: row.estimatedShipDate,
        })),
      );
      // The placed order now waits in the factories' queues: the next preview counts it.
      const after = await previewOf();
      expect(after.rows.map((row: { factoryId: string }) => row.factoryId)).toEqual(
        before.rows.map((row: { factoryId: string }) => row.factoryId),
      );
    });

    it('rejects a bad shipTo with 400 naming the field', async () => {
      const response = await api.post('/v1/quotes', {
        lines: [{ skuId: 'mug-white', quantity: 12 }],
        shipTo: { country: 'China' },
      });
      expect(response.status).toBe(400);
      expect((await json(response)).error.details[0].path).toBe('shipTo.country');
    });

    it('rejects a malformed body with 400 naming the field', async () => {
      const response = await api.post('/v1/quotes', { lines: [{ skuId: 'socks-red', quantity: 'ten' }] });
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message).toContain('lines.0.quantity');
      expect(body.error.details[0].path).toBe('lines.0.quantity');
    });

    it('rejects invalid JSON with 400 invalid_json', async () => {
      const response = await api.post('/v1/quotes', '{"lines": [');
      expect(response.status).toBe(400);
      expect((await json(response)).error.code).toBe('invalid_json');
    });

    it('needs a key', async () => {
      expect((await api.post('/v1/quotes', { lines: [] }, null)).status).toBe(401);
      expect(
        (await api.post('/v1/quotes', { lines: [{ skuId: 'mug-white', quantity: 12 }] }, PK)).status,
      ).toBe(200);
    });
  });
});
