import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import { backends, useTestDb } from '../helpers/test-db.js';
import { json, setupApp, type TestApp } from '../helpers/test-app.js';
import {
  FK_YIWU,
  ORDER_TOTAL,
  orderBody,
  OTHER_ORIGIN,
  PK,
  PK_OTHER,
  SHOP_ORIGIN,
  SK,
  testStore,
} from '../helpers/test-store.js';

describe.each(backends)('HTTP layer on $name', (backend) => {
  const t = useTestDb(backend);
  let api: TestApp;
  beforeEach(async () => {
    api = await setupApp(t.db);
  });

  describe('CORS', () => {
    const preflight = (origin: string, method = 'POST'): Promise<Response> =>
      api.request('/v1/orders', {
        method: 'OPTIONS',
        key: null,
        origin,
        headers: {
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
        },
      });

    it('answers a preflight from a listed origin with exactly that origin', async () => {
      const response = await preflight(SHOP_ORIGIN);
      expect(response.status).toBe(204);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
      expect(response.headers.get('Access-Control-Allow-Methods')).toContain('POST');
      expect(response.headers.get('Access-Control-Allow-Headers')).toMatch(/Idempotency-Key/);
      expect(response.headers.get('Access-Control-Allow-Headers')).toMatch(/Authorization/);
      expect(response.headers.get('Vary')).toMatch(/Origin/);
      expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    });

    it('refuses a preflight from an unlisted origin: 403, no Access-Control-Allow-Origin', async () => {
      const response = await preflight('https://evil.example');
      expect(response.status).toBe(403);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
      expect(response.headers.get('Vary')).toMatch(/Origin/);
      expect((await json(response)).error.code).toBe('origin_not_allowed');
    });

    it('echoes an allowed origin on the real request, with Vary: Origin', async () => {
      const response = await api.request('/v1/offers', { origin: SHOP_ORIGIN });
      expect(response.status).toBe(200);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
      expect(response.headers.get('Vary')).toMatch(/Origin/);
      expect(response.headers.get('Access-Control-Expose-Headers')).toMatch(/Retry-After/);
    });

    it("refuses a publishable key from an origin it doesn't list, even if another key lists it", async () => {
      for (const [key, origin] of [
        [PK, OTHER_ORIGIN],
        [PK_OTHER, SHOP_ORIGIN],
        [PK, 'https://evil.example'],
        [PK, 'https://shop.example.evil.example'],
        [PK, 'http://shop.example'],
        [PK, 'null'],
      ] as const) {
        const response = await api.request('/v1/offers', { key, origin });
        expect(response.status, `${key} from ${origin}`).toBe(403);
        expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
        expect((await json(response)).error.code).toBe('origin_not_allowed');
      }
      const other = await api.request('/v1/offers', { key: PK_OTHER, origin: OTHER_ORIGIN });
      expect(other.status).toBe(200);
      expect(other.headers.get('Access-Control-Allow-Origin')).toBe(OTHER_ORIGIN);
    });

    it('adds Vary: Origin and no allow header to server-to-server calls', async () => {
      const response = await api.get('/v1/offers');
      expect(response.status).toBe(200);
      expect(response.headers.get('Vary')).toMatch(/Origin/);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    });

    it('places an order from an allowed browser origin', async () => {
      const response = await api.request('/v1/orders', {
        method: 'POST',
        origin: SHOP_ORIGIN,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'browser-1' },
        body: JSON.stringify(orderBody()),
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
    });

    it('serves the OpenAPI document to any origin without a key', async () => {
      const response = await api.request('/v1/openapi.json', { key: null, origin: 'https://docs.example' });
      expect(response.status).toBe(200);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    });
  });

  describe('authentication', () => {
    it('refuses a secret or factory key sent from a browser origin with 401, doing nothing', async () => {
      const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from orders');
      for (const [key, path] of [
        [SK, '/v1/admin/orders'],
        [FK_YIWU, '/v1/factory/orders'],
        [SK, '/v1/offers'],
      ] as const) {
        for (const origin of [SHOP_ORIGIN, 'https://evil.example']) {
          const response = await api.request(path, { key, origin });
          expect(response.status, `${key} ${path} ${origin}`).toBe(401);
          expect((await json(response)).error.code).toBe('secret_key_in_browser');
          expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
        }
      }
      const order = await api.request('/v1/orders', {
        method: 'POST',
        key: SK,
        origin: SHOP_ORIGIN,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'sk-browser' },
        body: JSON.stringify(orderBody()),
      });
      expect(order.status).toBe(401);
      const after = await t.db.query<{ n: number }>('select count(*)::int as n from orders');
      expect(after.rows).toEqual(rows);
    });

    it.each([
      ['no header', undefined],
      ['a malformed header', 'Token abc'],
      ['an empty bearer', 'Bearer '],
      ['an unknown pk', 'Bearer pk_test_nope'],
      ['an unknown sk', 'Bearer sk_test_nope'],
      ['a non-key', 'Bearer hello'],
    ])('answers 401 unauthorized for %s', async (_label, header) => {
      const response = await api.request('/v1/offers', {
        key: null,
        headers: header === undefined ? {} : { Authorization: header },
      });
      expect(response.status).toBe(401);
      const body = await json(response);
      expect(body.error.code).toBe('unauthorized');
      expect(body.error).toHaveProperty('details');
    });

    it('lets an allowed browser read an authentication error', async () => {
      const response = await api.request('/v1/offers', { key: 'pk_test_nope', origin: SHOP_ORIGIN });
      expect(response.status).toBe(401);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
    });
  });

  describe('rate limit', () => {
    it('answers 429 with Retry-After per key and IP, and refills over time', async () => {
      api = await setupApp(t.db, {
        importCatalog: false,
        rateLimit: { capacity: 3, refillPerSecond: 0.5 },
        clientIp: (c) => c.req.header('x-test-ip'),
      });
      const hit = (key: string, ip: string): Promise<Response> =>
        api.get('/v1/offers', key, { 'x-test-ip': ip });
      for (let i = 0; i < 3; i++) expect((await hit(PK, '10.0.0.1')).status).toBe(200);
      const limited = await hit(PK, '10.0.0.1');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('Retry-After')).toBe('2');
      expect((await json(limited)).error.code).toBe('rate_limited');
      // Another IP with the same key, and another key from the same IP, have their own buckets.
      expect((await hit(PK, '10.0.0.2')).status).toBe(200);
      expect((await hit(SK, '10.0.0.1')).status).toBe(200);
      api.clock.advance(1000);
      expect((await hit(PK, '10.0.0.1')).status).toBe(429);
      api.clock.advance(1000);
      expect((await hit(PK, '10.0.0.1')).status).toBe(200);
    });

    it('counts failed authentications too', async () => {
      api = await setupApp(t.db, { importCatalog: false, rateLimit: { capacity: 2, refillPerSecond: 1 } });
      expect((await api.get('/v1/offers', 'pk_test_guess1')).status).toBe(401);
      expect((await api.get('/v1/offers', 'pk_test_guess1')).status).toBe(401);
      expect((await api.get('/v1/offers', 'pk_test_guess1')).status).toBe(429);
    });

    it('gives made-up credentials no fresh bucket: unknown keys and order tokens share one per IP', async () => {
      api = await setupApp(t.db, { importCatalog: false, rateLimit: { capacity: 2, refillPerSecond: 0.01 } });
      expect((await api.get('/v1/offers', 'pk_test_guess1')).status).toBe(401);
      expect((await api.get('/v1/offers', 'pk_test_guess2')).status).toBe(401);
      expect((await api.get('/v1/offers', 'pk_test_guess3')).status).toBe(429);
      const token = (n: number): string => `ot_${String(n).padStart(24, '0')}`;
      expect((await api.get('/v1/orders/ord_x', token(1))).status).toBe(404);
      expect((await api.get('/v1/orders/ord_x', token(2))).status).toBe(404);
      expect((await api.get('/v1/orders/ord_x', token(3))).status).toBe(429);
      // A real key still has its own bucket.
      expect((await api.get('/v1/offers', PK)).status).not.toBe(429);
    });

    it('lets an allowed browser origin read the 429 and its Retry-After', async () => {
      api = await setupApp(t.db, { importCatalog: false, rateLimit: { capacity: 1, refillPerSecond: 0.5 } });
      const headers = { Origin: SHOP_ORIGIN };
      await api.get('/v1/offers', PK, headers);
      const limited = await api.get('/v1/offers', PK, headers);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
      expect(limited.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');
    });

    it('keeps answering the well-behaved client while an abuser is limited', async () => {
      api = await setupApp(t.db, {
        importCatalog: false,
        rateLimit: { capacity: 5, refillPerSecond: 1 },
        clientIp: (c) => c.req.header('x-test-ip'),
      });
      const abuser = await Promise.all(
        Array.from({ length: 30 }, () => api.get('/v1/offers', PK, { 'x-test-ip': '203.0.113.9' })),
      );
      expect(abuser.filter((r) => r.status === 429).length).toBe(25);
      expect((await api.get('/v1/offers', PK, { 'x-test-ip': '198.51.100.1' })).status).toBe(200);
    });
  });

  describe('body limit and content', () => {
    it('answers 413 payload_too_large for a body over the limit, storing nothing', async () => {
      const huge = orderBody({ note: 'x'.repeat(70 * 1024) });
      const response = await api.post('/v1/orders', huge, PK, { 'Idempotency-Key': 'big' });
      expect(response.status).toBe(413);
      expect((await json(response)).error.code).toBe('payload_too_large');
      const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from orders');
      expect(rows[0]?.n).toBe(0);
    });

    it('honours a configured limit, also when Content-Length announces it', async () => {
      api = await setupApp(t.db, { importCatalog: false, maxBodyBytes: 100 });
      const body = JSON.stringify({ lines: [{ skuId: 'mug-white', quantity: 12 }], pad: 'y'.repeat(200) });
      const response = await api.post('/v1/quotes', body, PK, { 'Content-Length': String(body.length) });
      expect(response.status).toBe(413);
    });

    it('answers 415 for a body that is not declared as JSON', async () => {
      const response = await api.request('/v1/quotes', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ lines: [{ skuId: 'mug-white', quantity: 12 }] }),
      });
      expect(response.status).toBe(415);
      expect((await json(response)).error.code).toBe('unsupported_media_type');
    });
  });

  describe('errors and logs', () => {
    it('answers 404 not_found in the error shape for an unknown endpoint', async () => {
      const response = await api.get('/v1/nothing-here');
      expect(response.status).toBe(404);
      expect(await json(response)).toEqual({
        error: { code: 'not_found', message: expect.any(String), details: null },
      });
    });

    it('logs requests without PII, keys or tokens', async () => {
      const lines: string[] = [];
      const capture = (obj: object, msg?: string): void => {
        lines.push(JSON.stringify({ ...obj, msg }));
      };
      api = await setupApp(t.db, {
        importCatalog: false,
        logger: { info: capture, warn: capture, error: capture },
      });
      const placed = await json(
        await api.post('/v1/orders', orderBody({ note: 'secret note' }), PK, { 'Idempotency-Key': 'log-1' }),
      );
      expect(placed.total).toBe(ORDER_TOTAL);
      await api.get(`/v1/orders/${placed.id}`, placed.accessToken);
      await api.post(`/v1/factory/orders/${placed.factoryOrders[1].id}/accept`, {}, FK_YIWU);
      expect(lines.length).toBe(3);
      const text = lines.join('\n');
      expect(lines[0]).toContain('"route":"/v1/orders"');
      expect(lines[2]).toContain('"factoryId":"f-yiwu"');
      for (const secret of [
        'Li Wei',
        '138 0000',
        'West Lake',
        'Hangzhou',
        'li.wei',
        'secret note',
        PK,
        FK_YIWU,
      ]) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toContain(placed.accessToken);
      expect(text).not.toContain(placed.id); // route patterns, not paths
    });

    it('answers 500 internal_error without details when the database fails', async () => {
      const errors: object[] = [];
      const broken: Database = {
        kind: 'pglite',
        query: () => Promise.reject(new Error('connection lost')),
        transaction: () => Promise.reject(new Error('connection lost')),
        close: () => Promise.resolve(),
      };
      const app = createApp({
        db: broken,
        store: testStore(),
        logger: { info: () => undefined, warn: () => undefined, error: (obj) => errors.push(obj) },
      });
      const response = await app.request('/v1/offers', { headers: { Authorization: `Bearer ${PK}` } });
      expect(response.status).toBe(500);
      expect((await json(response)).error).toEqual({
        code: 'internal_error',
        message: expect.any(String),
        details: null,
      });
      expect(JSON.stringify(errors)).toContain('connection lost');
    });
  });
});
