import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/openapi/document.js';
import { ERROR_STATUS } from '../../src/http/errors.js';
import { backends, useTestDb } from '../helpers/test-db.js';
import { json, setupApp, type TestApp } from '../helpers/test-app.js';
import { checkResponse, documentedOperations, exercised } from '../helpers/openapi-check.js';
import { FK_DEHUA, FK_YIWU, orderBody, OTHER_ORIGIN, PK, SK } from '../helpers/test-store.js';

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with resolvable references and declared path parameters', () => {
    expect(openApiDocument.openapi).toBe('3.1.0');
    const text = JSON.stringify(openApiDocument);
    const schemas = openApiDocument.components.schemas as Record<string, unknown>;
    for (const [, name] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(schemas, `$ref ${name}`).toHaveProperty(name!);
    }
    for (const [template, methods] of Object.entries(openApiDocument.paths)) {
      const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const operation of Object.values(methods) as { parameters?: { name: string; in: string }[] }[]) {
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared.sort(), template).toEqual(params.sort());
      }
    }
  });

  it('lists every error code the server can return', () => {
    const codes = (
      openApiDocument.components.schemas.Error as {
        properties: { error: { properties: { code: { enum: string[] } } } };
      }
    ).properties.error.properties.code.enum;
    expect([...codes].sort()).toEqual(Object.keys(ERROR_STATUS).sort());
  });
});

describe.each(backends)('responses match the OpenAPI document on $name', (backend) => {
  const t = useTestDb(backend);
  let api: TestApp;
  let n = 0;
  beforeEach(async () => {
    api = await setupApp(t.db);
  });
  const placeOrder = (body: unknown = orderBody(), key = `oa-${++n}`): Promise<Response> =>
    api.post('/v1/orders', body, PK, { 'Idempotency-Key': key });

  it('GET /v1/openapi.json', async () => {
    const response = await api.get('/v1/openapi.json', null);
    await checkResponse(response.clone(), 'GET', '/v1/openapi.json');
    expect(await json(response)).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });

  it('offers', async () => {
    await checkResponse(await api.get('/v1/offers?limit=3'), 'GET', '/v1/offers');
    await checkResponse(await api.get('/v1/offers?q=sock&category=apparel'), 'GET', '/v1/offers');
    await checkResponse(await api.get('/v1/offers?limit=0'), 'GET', '/v1/offers');
    await checkResponse(await api.get('/v1/offers', null), 'GET', '/v1/offers');
    await checkResponse(await api.request('/v1/offers', { origin: OTHER_ORIGIN }), 'GET', '/v1/offers');
    await checkResponse(await api.get('/v1/offers/mug'), 'GET', '/v1/offers/{id}');
    await checkResponse(await api.get('/v1/offers/tote'), 'GET', '/v1/offers/{id}');
    await checkResponse(await api.get('/v1/offers/nope'), 'GET', '/v1/offers/{id}');
    await t.db.query('delete from offers');
    await t.db.query('delete from catalog_versions');
    await checkResponse(await api.get('/v1/offers'), 'GET', '/v1/offers');
  });

  it('factories', async () => {
    await checkResponse(await api.get('/v1/factories'), 'GET', '/v1/factories');
    await checkResponse(await api.get('/v1/factories', FK_YIWU), 'GET', '/v1/factories');
    await t.db.query('delete from offers');
    await t.db.query('delete from catalog_versions');
    await checkResponse(await api.get('/v1/factories', SK), 'GET', '/v1/factories');
  });

  it('quotes', async () => {
    const ok = {
      lines: [
        { skuId: 'socks-red', quantity: 60 },
        { skuId: 'mug-white', quantity: 12 },
      ],
    };
    await checkResponse(await api.post('/v1/quotes', ok), 'POST', '/v1/quotes');
    const bad = {
      lines: [
        { skuId: 'socks-red', quantity: 15 },
        { skuId: 'x', quantity: 1.5 },
      ],
    };
    await checkResponse(await api.post('/v1/quotes', bad), 'POST', '/v1/quotes');
    await checkResponse(await api.post('/v1/quotes', { lines: 'none' }), 'POST', '/v1/quotes');
    await checkResponse(await api.post('/v1/quotes', ok, FK_YIWU), 'POST', '/v1/quotes');
    const shipTo = { country: 'CN', region: 'CN-ZJ' };
    await checkResponse(await api.post('/v1/quotes', { ...ok, shipTo }), 'POST', '/v1/quotes');
    await checkResponse(await api.post('/v1/quotes', { ...bad, shipTo }), 'POST', '/v1/quotes');
    await checkResponse(
      await api.post('/v1/quotes', { ...ok, shipTo: { country: 1 } }),
      'POST',
      '/v1/quotes',
    );
  });

  it('orders', async () => {
    const created = await placeOrder(orderBody({ note: 'n' }), 'same');
    const placed = (await checkResponse(created, 'POST', '/v1/orders')) as {
      id: string;
      accessToken: string;
    };
    await checkResponse(await placeOrder(orderBody({ note: 'n' }), 'same'), 'POST', '/v1/orders');
    await checkResponse(await placeOrder(orderBody(), 'same'), 'POST', '/v1/orders'); // 422 reused
    await checkResponse(await placeOrder(orderBody({ expectedTotal: 5 })), 'POST', '/v1/orders'); // 409
    await checkResponse(
      await placeOrder(orderBody({ lines: [{ skuId: 'socks-red', quantity: 15 }] })),
      'POST',
      '/v1/orders',
    ); // 422 violations
    const many = 999_999_996;
    await checkResponse(
      await placeOrder(
        orderBody({ lines: [{ skuId: 'mug-white', quantity: many }], expectedTotal: many * 1000 }),
      ),
      'POST',
      '/v1/orders',
    ); // 422 unroutable
    await checkResponse(
      await placeOrder(orderBody({ buyer: { name: 'x', phone: '1' } })),
      'POST',
      '/v1/orders',
    );
    await checkResponse(await api.post('/v1/orders', orderBody(), PK), 'POST', '/v1/orders'); // 400 key
    await checkResponse(
      await api.post('/v1/orders', orderBody({ note: 'z'.repeat(70_000) }), PK, { 'Idempotency-Key': 'big' }),
      'POST',
      '/v1/orders',
    );
    await checkResponse(
      await api.get(`/v1/orders/${placed.id}`, placed.accessToken),
      'GET',
      '/v1/orders/{id}',
    );
    await checkResponse(await api.get(`/v1/orders/${placed.id}`, SK), 'GET', '/v1/orders/{id}');
    await checkResponse(
      await api.get(`/v1/orders/${placed.id}`, `ot_${'x'.repeat(43)}`),
      'GET',
      '/v1/orders/{id}',
    );
    await checkResponse(await api.get(`/v1/orders/${placed.id}`, PK), 'GET', '/v1/orders/{id}');
  });

  it('orders: rate limited', async () => {
    api = await setupApp(t.db, { importCatalog: false, rateLimit: { capacity: 1, refillPerSecond: 1 } });
    await checkResponse(await placeOrder(), 'POST', '/v1/orders');
    await checkResponse(await placeOrder(), 'POST', '/v1/orders');
  });

  it('factory API', async () => {
    const placed = await json(await placeOrder());
    const [dehua, yiwu] = placed.factoryOrders as { id: string }[];
    await checkResponse(await api.get('/v1/factory/orders', FK_YIWU), 'GET', '/v1/factory/orders');
    await checkResponse(await api.get('/v1/factory/orders?status=bad', FK_YIWU), 'GET', '/v1/factory/orders');
    await checkResponse(await api.get('/v1/factory/orders', PK), 'GET', '/v1/factory/orders');
    const accept = '/v1/factory/orders/{id}/accept';
    const reject = '/v1/factory/orders/{id}/reject';
    const ship = '/v1/factory/orders/{id}/ship';
    await checkResponse(
      await api.post(`/v1/factory/orders/${yiwu!.id}/ship`, { carrier: 'SF', trackingNumber: '1' }, FK_YIWU),
      'POST',
      ship,
    ); // 409
    await checkResponse(await api.post(`/v1/factory/orders/${yiwu!.id}/accept`, {}, FK_YIWU), 'POST', accept);
    await checkResponse(
      await api.post(`/v1/factory/orders/${yiwu!.id}/accept`, {}, FK_DEHUA),
      'POST',
      accept,
    ); // 404
    await checkResponse(
      await api.post(`/v1/factory/orders/${yiwu!.id}/ship`, { carrier: 'SF' }, FK_YIWU),
      'POST',
      ship,
    ); // 400
    await checkResponse(
      await api.post(`/v1/factory/orders/${yiwu!.id}/ship`, { carrier: 'SF', trackingNumber: '1' }, FK_YIWU),
      'POST',
      ship,
    );
    await checkResponse(
      await api.post(`/v1/factory/orders/${dehua!.id}/reject`, { reason: '' }, FK_DEHUA),
      'POST',
      reject,
    );
    await checkResponse(
      await api.post(`/v1/factory/orders/${dehua!.id}/reject`, { reason: 'No clay' }, FK_DEHUA),
      'POST',
      reject,
    );
    await checkResponse(
      await api.get('/v1/factory/orders?status=shipped', FK_YIWU),
      'GET',
      '/v1/factory/orders',
    );
  });

  it('admin', async () => {
    await json(await placeOrder());
    await checkResponse(await api.get('/v1/admin/orders', SK), 'GET', '/v1/admin/orders');
    await checkResponse(await api.get('/v1/admin/orders?cursor=bad', SK), 'GET', '/v1/admin/orders');
    await checkResponse(await api.get('/v1/admin/orders', PK), 'GET', '/v1/admin/orders');
    const { rows } = await t.db.query<{ id: string }>(
      `update outbox set status = 'dead', attempts = 8, last_error = 'timeout' where factory_id = 'f-dehua' returning id`,
    );
    await checkResponse(await api.get('/v1/admin/webhooks/dead', SK), 'GET', '/v1/admin/webhooks/dead');
    await checkResponse(
      await api.get('/v1/admin/webhooks/dead?limit=x', SK),
      'GET',
      '/v1/admin/webhooks/dead',
    );
    const replay = '/v1/admin/webhooks/{id}/replay';
    await checkResponse(await api.post(`/v1/admin/webhooks/${rows[0]!.id}/replay`, {}, SK), 'POST', replay);
    await checkResponse(await api.post(`/v1/admin/webhooks/${rows[0]!.id}/replay`, {}, SK), 'POST', replay);
    await checkResponse(await api.post('/v1/admin/webhooks/msg_none/replay', {}, SK), 'POST', replay);
  });

  afterAll(() => {
    // Every documented operation was exercised with at least its success status.
    for (const operation of documentedOperations()) {
      const statuses = [...exercised].filter((e) => e.startsWith(`${operation} `));
      expect(
        statuses.some((s) => /\s2\d\d$/.test(s)),
        operation,
      ).toBe(true);
    }
  });
});
