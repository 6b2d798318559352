import { beforeEach, describe, expect, it } from 'vitest';
import { backends, useTestDb } from '../helpers/test-db.js';
import { json, setupApp, type TestApp } from '../helpers/test-app.js';
import { FK_YIWU, ORDER_TOTAL, orderBody, PK, PK_OTHER, SHOP_ORIGIN, SK } from '../helpers/test-store.js';
import { sha256Hex } from '../../src/util/crypto.js';

describe.each(backends)('orders on $name', (backend) => {
  const t = useTestDb(backend);
  let api: TestApp;
  let keyCounter = 0;
  const newKey = (): string => `checkout-${Date.now()}-${++keyCounter}`;
  /** POSTs an order; `key: null` sends no Idempotency-Key header. */
  const place = (body: unknown, key: string | null = newKey(), auth = PK): Promise<Response> =>
    api.post('/v1/orders', body, auth, key === null ? {} : { 'Idempotency-Key': key });

  const count = async (table: string): Promise<number> => {
    const { rows } = await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    return rows[0]?.n ?? -1;
  };
  const expectNothingStored = async (): Promise<void> => {
    expect({
      orders: await count('orders'),
      factory_orders: await count('factory_orders'),
      outbox: await count('outbox'),
      idempotency_keys: await count('idempotency_keys'),
    }).toEqual({ orders: 0, factory_orders: 0, outbox: 0, idempotency_keys: 0 });
  };

  beforeEach(async () => {
    api = await setupApp(t.db);
  });

  describe('POST /v1/orders', () => {
    it('places an order: 201 with sub-orders whose subtotals sum to the total', async () => {
      const response = await place(orderBody());
      expect(response.status).toBe(201);
      const body = await json(response);
      expect(Object.keys(body).sort()).toEqual(
        ['accessToken', 'createdAt', 'currency', 'factoryOrders', 'id', 'status', 'total'].sort(),
      );
      expect(body.id).toMatch(/^ord_[A-Za-z0-9_-]{22}$/);
      expect(body.accessToken).toMatch(/^ot_[A-Za-z0-9_-]{43}$/);
      expect(body).toMatchObject({ status: 'placed', currency: 'CNY', total: ORDER_TOTAL });
      expect(body.createdAt).toBe('2026-03-02T02:00:00.000Z');
      expect(body.factoryOrders.map((fo: { factoryId: string }) => fo.factoryId)).toEqual([
        'f-dehua',
        'f-yiwu',
      ]);
      const sum = body.factoryOrders.reduce((s: number, fo: { subtotal: number }) => s + fo.subtotal, 0);
      expect(sum).toBe(body.total);
      const [dehua, yiwu] = body.factoryOrders;
      expect(dehua).toEqual({
        id: expect.stringMatching(/^fo_/),
        factoryId: 'f-dehua',
        lines: [{ skuId: 'mug-white', offerId: 'mug', quantity: 12, unitPrice: 1200, lineTotal: 14_400 }],
        subtotal: 14_400,
        // 2026-03-02 in Shanghai + lead 5 days; 12 units fit in the first day.
        estimatedShipDate: '2026-03-07',
        status: 'placed',
        shipment: null,
        rejectionReason: null,
      });
      expect(yiwu.lines).toEqual([
        { skuId: 'socks-red', offerId: 'socks', quantity: 60, unitPrice: 450, lineTotal: 27_000 },
        { skuId: 'socks-blue', offerId: 'socks', quantity: 40, unitPrice: 450, lineTotal: 18_000 },
      ]);
      expect(yiwu.estimatedShipDate).toBe('2026-03-04');
    });

    it('stores the order, its sub-orders with reasons, and one outbox message per factory', async () => {
      const body = await json(await place(orderBody({ note: 'Leave at the gate' })));
      const orders = await t.db.query<{ total: number; status: string; access_token_hash: string }>(
        'select total, status, access_token_hash from orders',
      );
      expect(orders.rows).toEqual([
        { total: ORDER_TOTAL, status: 'placed', access_token_hash: await sha256Hex(body.accessToken) },
      ]);
      const subOrders = await t.db.query<{
        factory_id: string;
        units: number;
        reason: { code: string; text: string };
      }>('select factory_id, units, reason from factory_orders order by seq');
      expect(subOrders.rows.map((r) => [r.factory_id, r.units])).toEqual([
        ['f-dehua', 12],
        ['f-yiwu', 100],
      ]);
      expect(subOrders.rows[0]?.reason.code).toBe('only_candidate');
      expect(subOrders.rows[1]?.reason.text.length).toBeGreaterThan(0);

      const outbox = await t.db.query<{
        id: string;
        destination: string;
        factory_id: string;
        order_id: string;
        event_type: string;
        payload: string;
        status: string;
      }>(
        'select id, destination, factory_id, order_id, event_type, payload, status from outbox order by factory_id',
      );
      expect(outbox.rows).toHaveLength(2);
      for (const [i, row] of outbox.rows.entries()) {
        const fo = body.factoryOrders[i];
        expect(row).toMatchObject({
          id: expect.stringMatching(/^msg_/),
          destination: 'factory',
          factory_id: fo.factoryId,
          order_id: body.id,
          event_type: 'factory_order.created',
          status: 'pending',
        });
        const payload = JSON.parse(row.payload);
        expect(payload).toEqual({
          type: 'factory_order.created',
          timestamp: '2026-03-02T02:00:00.000Z',
          data: {
            factoryOrder: fo,
            order: { id: body.id, currency: 'CNY' },
            shipTo: orderBody().shipTo,
            buyer: { name: 'Li Wei', phone: '+86 138 0000 0000', company: 'Wei Trading' },
            note: 'Leave at the gate',
          },
        });
        // A factory sees only its own sub-order.
        const other = body.factoryOrders[1 - i];
        expect(row.payload).not.toContain(other.id);
      }
    });

    it('never stores the access token itself', async () => {
      const body = await json(await place(orderBody()));
      for (const table of ['orders', 'factory_orders', 'outbox', 'idempotency_keys']) {
        const { rows } = await t.db.query<{ text: string }>(`select t::text as text from ${table} t`);
        const where = rows.filter((r) => r.text.includes(body.accessToken.slice(3)));
        // The idempotency record holds the response (it must replay it), nothing else does.
        expect(where.length, table).toBe(table === 'idempotency_keys' ? 1 : 0);
      }
    });

    it('takes the order date in the store time zone', async () => {
      // 17:30 UTC on 1 March is 01:30 on 2 March in Shanghai.
      api.clock.set('2026-03-01T17:30:00.000Z');
      const body = await json(await place(orderBody()));
      const yiwu = body.factoryOrders.find((fo: { factoryId: string }) => fo.factoryId === 'f-yiwu');
      expect(yiwu.estimatedShipDate).toBe('2026-03-04');
    });

    it('counts units already queued with a factory (placed or accepted, not shipped)', async () => {
      const big = {
        lines: [{ skuId: 'socks-red', quantity: 1000 }],
        expectedTotal: 1000 * 400,
      };
      const first = await json(await place(orderBody(big)));
      expect(first.factoryOrders.map((fo: { estimatedShipDate: string }) => fo.estimatedShipDate)).toEqual([
        '2026-03-04',
      ]);
      const small = { lines: [{ skuId: 'socks-blue', quantity: 100 }], expectedTotal: 100 * 450 };
      const second = await json(await place(orderBody(small)));
      // Yiwu has 1000 units ahead: its next day; Ningbo (lead 3) ships the same day — later than an empty queue.
      expect(second.factoryOrders.map((fo: { estimatedShipDate: string }) => fo.estimatedShipDate)).toEqual([
        '2026-03-05',
      ]);
    });

    it('re-prices: line prices sent by the client are ignored', async () => {
      const lines = orderBody().lines as Record<string, unknown>[];
      const tampered = orderBody({ lines: lines.map((l) => ({ ...l, unitPrice: 1, lineTotal: 1 })) });
      const body = await json(await place(tampered));
      expect(body.total).toBe(ORDER_TOTAL);
      const { rows } = await t.db.query<{ total: number }>('select total from orders');
      expect(rows).toEqual([{ total: ORDER_TOTAL }]);
    });

    it('answers 409 price_changed with the fresh quote and stores nothing', async () => {
      const response = await place(orderBody({ expectedTotal: ORDER_TOTAL - 100 }));
      expect(response.status).toBe(409);
      const body = await json(response);
      expect(body.error.code).toBe('price_changed');
      expect(body.error.details.expectedTotal).toBe(ORDER_TOTAL - 100);
      expect(body.error.details.total).toBe(ORDER_TOTAL);
      expect(body.error.details.quote.subtotal).toBe(ORDER_TOTAL);
      expect(body.error.details.quote.ok).toBe(true);
      await expectNothingStored();
    });

    it.each([
      [0, 409],
      [-1, 400],
      [1.5, 400],
      [1e308, 400],
      [2 ** 53, 400],
      ['NaN', 400],
      [String(ORDER_TOTAL), 400],
      [null, 400],
      [undefined, 400],
      [{ amount: ORDER_TOTAL }, 400],
    ])('price tampering: expectedTotal %s → %i and nothing stored', async (expectedTotal, status) => {
      const body = orderBody();
      if (expectedTotal === undefined) delete body.expectedTotal;
      else body.expectedTotal = expectedTotal;
      const response = await place(body);
      expect(response.status).toBe(status);
      const error = (await json(response)).error;
      expect(error.code).toBe(status === 409 ? 'price_changed' : 'invalid_request');
      if (status === 400) expect(error.details[0].path).toBe('expectedTotal');
      await expectNothingStored();
    });

    it('stores exactly the server price when the expected total matches', async () => {
      await place(orderBody());
      const { rows } = await t.db.query<{ total: number; subtotals: number }>(
        'select o.total, (select sum(subtotal)::bigint from factory_orders f where f.order_id = o.id) as subtotals from orders o',
      );
      expect(rows).toEqual([{ total: ORDER_TOTAL, subtotals: ORDER_TOTAL }]);
    });

    it.each([
      [[{ skuId: 'socks-red', quantity: 15 }], 'below_moq'],
      [[{ skuId: 'socks-red', quantity: 55 }], 'not_multiple_of_step'],
      [[{ skuId: 'mug-white', quantity: 1.5 }], 'invalid_quantity'],
      [[{ skuId: 'mug-white', quantity: 2 ** 53 }], 'invalid_quantity'],
      [[{ skuId: 'mug-white', quantity: -12 }], 'invalid_quantity'],
      [[{ skuId: 'no-such-sku', quantity: 1 }], 'unknown_sku'],
    ])('answers 422 quote_violations for %j (%s) and stores nothing', async (lines, code) => {
      const response = await place(orderBody({ lines, expectedTotal: 0 }));
      expect(response.status).toBe(422);
      const body = await json(response);
      expect(body.error.code).toBe('quote_violations');
      expect(body.error.details.violations.map((v: { code: string }) => v.code)).toContain(code);
      expect(body.error.details.quote.ok).toBe(false);
      await expectNothingStored();
    });

    it('answers 422 unroutable when no factory can ship a line before 9999-12-31, storing nothing', async () => {
      const quantity = 999_999_996; // a multiple of the mug step; Dehua makes 300 a day
      const response = await place(
        orderBody({ lines: [{ skuId: 'mug-white', quantity }], expectedTotal: quantity * 1000 }),
      );
      expect(response.status).toBe(422);
      const body = await json(response);
      expect(body.error.code).toBe('unroutable');
      expect(body.error.details.unassigned).toEqual([
        expect.objectContaining({ lineIndex: 0, skuId: 'mug-white', quantity, reason: expect.anything() }),
      ]);
      await expectNothingStored();
    });

    it.each([
      ['buyer.phone', { buyer: { name: 'Li Wei', phone: 'call me' } }],
      ['buyer.name', { buyer: { name: '', phone: '+86 138 0000 0000' } }],
      ['buyer.email', { buyer: { name: 'Li', phone: '+86 138 0000 0000', email: 'not-an-email' } }],
      ['shipTo.country', { shipTo: { country: 'china', city: 'Hangzhou', line1: '1 Road' } }],
      ['shipTo.line1', { shipTo: { country: 'CN', city: 'Hangzhou' } }],
      ['lines', { lines: [] }],
      ['lines.0.skuId', { lines: [{ quantity: 1 }] }],
      ['buyer', { buyer: undefined }],
    ])('answers 400 invalid_request naming %s', async (field, overrides) => {
      const response = await place(orderBody(overrides));
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.message).toContain(field);
      expect(body.error.details.map((d: { path: string }) => d.path)).toContain(field);
      await expectNothingStored();
    });

    it('answers 400 invalid_json for a body that is not JSON', async () => {
      const response = await place('{"buyer":');
      expect(response.status).toBe(400);
      expect((await json(response)).error.code).toBe('invalid_json');
    });

    it('needs a publishable or secret key, not a factory key', async () => {
      expect((await place(orderBody(), newKey(), FK_YIWU)).status).toBe(401);
      const anonymous = await api.post('/v1/orders', orderBody(), null, { 'Idempotency-Key': newKey() });
      expect(anonymous.status).toBe(401);
      await expectNothingStored();
    });
  });

  describe('idempotency', () => {
    it('replays the first 201 byte for byte, with one order stored', async () => {
      const key = newKey();
      const first = await place(orderBody(), key);
      const firstText = await first.text();
      api.clock.advance(60_000);
      const second = await place(orderBody(), key);
      expect(second.status).toBe(201);
      expect(second.headers.get('Idempotency-Replayed')).toBe('true');
      expect(first.headers.get('Idempotency-Replayed')).toBeNull();
      expect(await second.text()).toBe(firstText);
      expect(await count('orders')).toBe(1);
      expect(await count('outbox')).toBe(2);
    });

    it('matches the body regardless of key order and formatting', async () => {
      const key = newKey();
      const body = orderBody();
      const first = await (await place(body, key)).text();
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const again = await place(JSON.stringify(reordered, null, 2), key);
      expect(again.status).toBe(201);
      expect(await again.text()).toBe(first);
      expect(await count('orders')).toBe(1);
    });

    it('answers 422 idempotency_key_reused for the same key with another body', async () => {
      const key = newKey();
      await place(orderBody(), key);
      const response = await place(orderBody({ note: 'something else' }), key);
      expect(response.status).toBe(422);
      expect((await json(response)).error.code).toBe('idempotency_key_reused');
      expect(await count('orders')).toBe(1);
    });

    it('does not record failures: after price_changed the same key places the corrected order', async () => {
      const key = newKey();
      expect((await place(orderBody({ expectedTotal: 1 }), key)).status).toBe(409);
      const again = await place(orderBody(), key);
      expect(again.status).toBe(201);
      expect(await count('orders')).toBe(1);
    });

    it.each([
      ['missing', null],
      ['empty', ''],
      ['blank', '   '],
      ['over 255 characters', 'k'.repeat(256)],
      ['with a tab', 'a\tb'],
      ['non-ASCII', 'clé'],
    ])('answers 400 idempotency_key_invalid for a %s key and stores nothing', async (_label, key) => {
      const response = await place(orderBody(), key);
      expect(response.status).toBe(400);
      expect((await json(response)).error.code).toBe('idempotency_key_invalid');
      await expectNothingStored();
    });

    it('accepts a key of exactly 255 printable characters', async () => {
      expect((await place(orderBody(), 'k'.repeat(254) + '~')).status).toBe(201);
    });

    it('scopes keys per publishable key', async () => {
      const key = newKey();
      const mine = await json(await place(orderBody(), key, PK));
      const theirs = await json(await place(orderBody(), key, PK_OTHER));
      expect(theirs.id).not.toBe(mine.id);
      expect(await count('orders')).toBe(2);
    });

    it('keeps keys 24 hours: replay just before, a new order after', async () => {
      const key = newKey();
      const first = await json(await place(orderBody(), key));
      api.clock.advance(24 * 60 * 60 * 1000 - 1);
      expect((await json(await place(orderBody(), key))).id).toBe(first.id);
      api.clock.advance(2);
      const later = await place(orderBody(), key);
      expect(later.status).toBe(201);
      expect((await json(later)).id).not.toBe(first.id);
      expect(await count('idempotency_keys')).toBe(1);
    });

    it('50 concurrent identical submissions: one order, one message per factory, identical 201s', async () => {
      const key = newKey();
      const responses = await Promise.all(Array.from({ length: 50 }, () => place(orderBody(), key)));
      const results = await Promise.all(
        responses.map(async (r) => ({ status: r.status, text: await r.text() })),
      );
      const created = results.filter((r) => r.status === 201);
      const others = results.filter((r) => r.status !== 201);
      expect(created.length).toBeGreaterThanOrEqual(1);
      expect(new Set(created.map((r) => r.text)).size).toBe(1);
      for (const other of others) {
        expect(other.status).toBe(409);
        expect(JSON.parse(other.text).error.code).toBe('idempotency_key_in_flight');
      }
      expect(await count('orders')).toBe(1);
      const outbox = await t.db.query<{ factory_id: string; n: number }>(
        'select factory_id, count(*)::int as n from outbox group by factory_id order by factory_id',
      );
      expect(outbox.rows).toEqual([
        { factory_id: 'f-dehua', n: 1 },
        { factory_id: 'f-yiwu', n: 1 },
      ]);
      // Whoever was told "in flight" gets the same 201 on retry.
      const retry = await place(orderBody(), key);
      expect(retry.status).toBe(201);
      expect(await retry.text()).toBe(created[0]?.text);
    });

    it('20 concurrent different orders are all placed, each with its messages', async () => {
      const responses = await Promise.all(Array.from({ length: 20 }, () => place(orderBody())));
      expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 201));
      expect(await count('orders')).toBe(20);
      expect(await count('factory_orders')).toBe(40);
      expect(await count('outbox')).toBe(40);
    });

    if (backend.name === 'postgres') {
      it('answers 409 idempotency_key_in_flight while another transaction holds the key', async () => {
        const key = newKey();
        let release: () => void = () => undefined;
        const held = new Promise<void>((resolve) => (release = resolve));
        let locked: () => void = () => undefined;
        const isLocked = new Promise<void>((resolve) => (locked = resolve));
        const holder = t.db.transaction(async (tx) => {
          await tx.query('select pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
            `chainkit.idempotency:${PK}`,
            key,
          ]);
          locked();
          await held;
        });
        await isLocked;
        const response = await place(orderBody(), key);
        release();
        await holder;
        expect(response.status).toBe(409);
        expect((await json(response)).error.code).toBe('idempotency_key_in_flight');
        await expectNothingStored();
      });
    }
  });

  describe('GET /v1/orders/:id', () => {
    it('returns the order to its access token, without buyer details', async () => {
      const placed = await json(await place(orderBody()));
      const response = await api.get(`/v1/orders/${placed.id}`, placed.accessToken);
      expect(response.status).toBe(200);
      const body = await json(response);
      expect(body).toEqual({
        id: placed.id,
        status: 'placed',
        currency: 'CNY',
        total: ORDER_TOTAL,
        createdAt: placed.createdAt,
        updatedAt: placed.createdAt,
        factoryOrders: placed.factoryOrders,
      });
    });

    it('lets an allowed browser origin read it with the token', async () => {
      const placed = await json(await place(orderBody()));
      const response = await api.request(`/v1/orders/${placed.id}`, {
        key: placed.accessToken,
        origin: SHOP_ORIGIN,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe(SHOP_ORIGIN);
    });

    it('returns buyer details to the secret key', async () => {
      const placed = await json(await place(orderBody({ note: 'Call first' })));
      const body = await json(await api.get(`/v1/orders/${placed.id}`, SK));
      expect(body.buyer).toEqual(orderBody().buyer);
      expect(body.shipTo).toEqual(orderBody().shipTo);
      expect(body.note).toBe('Call first');
      expect(body).not.toHaveProperty('accessToken');
    });

    it('explains to the secret key why each sub-order went to its factory, and to no one else', async () => {
      const placed = await json(await place(orderBody()));
      const admin = await json(await api.get(`/v1/orders/${placed.id}`, SK));
      expect(admin.factoryOrders.length).toBeGreaterThan(0);
      for (const fo of admin.factoryOrders) {
        expect(fo.routing.text).not.toBe('');
        expect(fo.routing.lines).toHaveLength(fo.lines.length);
        for (const [i, reason] of fo.routing.lines.entries()) {
          expect(reason.factoryId).toBe(fo.factoryId);
          expect(reason.estimatedShipDate <= fo.estimatedShipDate).toBe(true);
          expect(reason.candidates).toBeGreaterThanOrEqual(1);
          expect(fo.routing.text).toContain(reason.text.split('\n')[0]);
          expect(fo.lines[i].quantity).toBeGreaterThan(0);
        }
      }
      const buyerView = await json(await api.get(`/v1/orders/${placed.id}`, placed.accessToken));
      for (const fo of buyerView.factoryOrders) expect(fo).not.toHaveProperty('routing');
      expect(placed.factoryOrders[0]).not.toHaveProperty('routing');
    });

    it("is 404 with another order's token or an unknown token, so nothing leaks", async () => {
      const a = await json(await place(orderBody()));
      const b = await json(await place(orderBody()));
      const crossed = await api.get(`/v1/orders/${a.id}`, b.accessToken);
      expect(crossed.status).toBe(404);
      expect((await json(crossed)).error.code).toBe('not_found');
      expect((await api.get(`/v1/orders/${a.id}`, `ot_${'A'.repeat(43)}`)).status).toBe(404);
      expect((await api.get('/v1/orders/ord_missing', a.accessToken)).status).toBe(404);
      expect((await api.get('/v1/orders/ord_missing', SK)).status).toBe(404);
    });

    it('is 401 without a credential, or with a publishable or factory key', async () => {
      const placed = await json(await place(orderBody()));
      for (const key of [null, PK, FK_YIWU, 'not-a-key']) {
        const response = await api.get(`/v1/orders/${placed.id}`, key);
        expect(response.status, String(key)).toBe(401);
        expect((await json(response)).error.code).toBe('unauthorized');
      }
    });
  });
});
