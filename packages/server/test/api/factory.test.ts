import { beforeEach, describe, expect, it } from 'vitest';
import { backends, useTestDb } from '../helpers/test-db.js';
import { json, setupApp, type TestApp } from '../helpers/test-app.js';
import { FK_DEHUA, FK_NINGBO, FK_YIWU, orderBody, PK, SK, testStore } from '../helpers/test-store.js';

interface Placed {
  id: string;
  accessToken: string;
  factoryOrders: { id: string; factoryId: string }[];
}

describe.each(backends)('factory API and admin on $name', (backend) => {
  const t = useTestDb(backend);
  let api: TestApp;
  let n = 0;
  const place = async (body = orderBody()): Promise<Placed> => {
    const response = await api.post('/v1/orders', body, PK, { 'Idempotency-Key': `k-${++n}` });
    expect(response.status).toBe(201);
    return json(response);
  };
  const sub = (order: Placed, factoryId: string): string => {
    const fo = order.factoryOrders.find((f) => f.factoryId === factoryId);
    if (!fo) throw new Error(`no sub-order for ${factoryId}`);
    return fo.id;
  };
  const act = (key: string, id: string, action: string, body: unknown = {}): Promise<Response> =>
    api.post(`/v1/factory/orders/${id}/${action}`, body, key);
  const ship = { carrier: 'SF Express', trackingNumber: 'SF1234567890' };
  const merchantMessages = async (): Promise<{ order: { status: string; previousStatus: string } }[]> => {
    const { rows } = await t.db.query<{ payload: string }>(
      `select payload from outbox where destination = 'merchant' order by created_at, id`,
    );
    return rows.map((r) => JSON.parse(r.payload).data);
  };

  beforeEach(async () => {
    api = await setupApp(t.db);
  });

  describe('GET /v1/factory/orders', () => {
    it("lists only the factory's own sub-orders, newest first, with ship-to and buyer contact", async () => {
      const first = await place();
      api.clock.advance(1000);
      const second = await place();
      const response = await api.get('/v1/factory/orders', FK_YIWU);
      expect(response.status).toBe(200);
      const body = await json(response);
      expect(body.data.map((fo: { id: string }) => fo.id)).toEqual([
        sub(second, 'f-yiwu'),
        sub(first, 'f-yiwu'),
      ]);
      expect(body.nextCursor).toBeNull();
      const [item] = body.data;
      expect(item).toMatchObject({
        factoryId: 'f-yiwu',
        orderId: second.id,
        orderStatus: 'placed',
        status: 'placed',
        currency: 'CNY',
        subtotal: 45_000,
        shipTo: orderBody().shipTo,
        buyer: { name: 'Li Wei', phone: '+86 138 0000 0000', company: 'Wei Trading' },
        note: null,
      });
      expect(JSON.stringify(body)).not.toContain('f-dehua');
      expect(JSON.stringify(body)).not.toContain('li.wei@example.com');
      const ningbo = await json(await api.get('/v1/factory/orders', FK_NINGBO));
      expect(ningbo.data).toEqual([]);
    });

    it('filters by status and pages with a cursor', async () => {
      const orders: Placed[] = [];
      for (let i = 0; i < 5; i++) {
        orders.push(await place());
        api.clock.advance(1000);
      }
      await act(FK_YIWU, sub(orders[0]!, 'f-yiwu'), 'accept');
      const accepted = await json(await api.get('/v1/factory/orders?status=accepted', FK_YIWU));
      expect(accepted.data.map((fo: { id: string }) => fo.id)).toEqual([sub(orders[0]!, 'f-yiwu')]);
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const page = await json(await api.get(`/v1/factory/orders?status=placed&limit=2${query}`, FK_YIWU));
        ids.push(...page.data.map((fo: { id: string }) => fo.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(ids).toEqual(
        orders
          .slice(1)
          .reverse()
          .map((o) => sub(o, 'f-yiwu')),
      );
    });

    it('rejects an unknown status with 400', async () => {
      const response = await api.get('/v1/factory/orders?status=lost', FK_YIWU);
      expect(response.status).toBe(400);
      expect((await json(response)).error.details[0].path).toBe('status');
    });

    it('needs a factory key', async () => {
      expect((await api.get('/v1/factory/orders', PK)).status).toBe(401);
      expect((await api.get('/v1/factory/orders', SK)).status).toBe(401);
      expect((await api.get('/v1/factory/orders', null)).status).toBe(401);
    });
  });

  describe('transitions', () => {
    it('accepts, ships, and the parent order follows its sub-orders', async () => {
      const order = await place();
      const yiwu = sub(order, 'f-yiwu');
      const dehua = sub(order, 'f-dehua');
      const status = async (): Promise<string> =>
        (await json(await api.get(`/v1/orders/${order.id}`, SK))).status;

      const accepted = await act(FK_YIWU, yiwu, 'accept');
      expect(accepted.status).toBe(200);
      expect(await json(accepted)).toMatchObject({
        id: yiwu,
        status: 'accepted',
        orderStatus: 'partially_accepted',
      });
      expect(await status()).toBe('partially_accepted');

      await act(FK_DEHUA, dehua, 'accept');
      expect(await status()).toBe('accepted');

      api.clock.advance(3_600_000);
      const shipped = await json(await act(FK_YIWU, yiwu, 'ship', ship));
      expect(shipped.shipment).toEqual({ ...ship, shippedAt: '2026-03-02T03:00:00.000Z' });
      expect(await status()).toBe('partially_shipped');

      await act(FK_DEHUA, dehua, 'ship', { carrier: 'EMS', trackingNumber: 'EE123' });
      expect(await status()).toBe('shipped');

      const buyerView = await json(await api.get(`/v1/orders/${order.id}`, order.accessToken));
      expect(buyerView.status).toBe('shipped');
      expect(buyerView.factoryOrders.map((fo: { status: string }) => fo.status)).toEqual([
        'shipped',
        'shipped',
      ]);
    });

    it('writes an order.status_changed message for the merchant on every change, in the same transaction', async () => {
      const order = await place();
      await act(FK_YIWU, sub(order, 'f-yiwu'), 'accept');
      api.clock.advance(1000);
      await act(FK_YIWU, sub(order, 'f-yiwu'), 'accept'); // no-op: no message
      api.clock.advance(1000);
      await act(FK_DEHUA, sub(order, 'f-dehua'), 'reject', { reason: 'Kiln maintenance' });
      const messages = await merchantMessages();
      expect(messages).toEqual([
        {
          order: { id: order.id, status: 'partially_accepted', previousStatus: 'placed' },
          factoryOrder: {
            id: sub(order, 'f-yiwu'),
            factoryId: 'f-yiwu',
            status: 'accepted',
            previousStatus: 'placed',
          },
        },
        {
          order: { id: order.id, status: 'partially_accepted', previousStatus: 'partially_accepted' },
          factoryOrder: {
            id: sub(order, 'f-dehua'),
            factoryId: 'f-dehua',
            status: 'rejected',
            previousStatus: 'placed',
          },
        },
      ]);
      const raw = await t.db.query<{ payload: string; event_type: string; id: string }>(
        `select payload, event_type, id from outbox where destination = 'merchant'`,
      );
      for (const row of raw.rows) {
        expect(row.event_type).toBe('order.status_changed');
        expect(row.id).toMatch(/^msg_/);
        expect(row.payload).not.toMatch(/Li Wei|138 0000|West Lake/);
      }
    });

    it('writes no merchant message when no merchant webhook is configured', async () => {
      api = await setupApp(t.db, { store: testStore((doc) => delete doc.webhooks), importCatalog: false });
      const order = await place();
      expect((await act(FK_YIWU, sub(order, 'f-yiwu'), 'accept')).status).toBe(200);
      expect(await merchantMessages()).toEqual([]);
    });

    it('rejects with a reason; all parts rejected → order rejected', async () => {
      const order = await place();
      const rejected = await json(
        await act(FK_YIWU, sub(order, 'f-yiwu'), 'reject', { reason: 'Out of yarn' }),
      );
      expect(rejected).toMatchObject({
        status: 'rejected',
        rejectionReason: 'Out of yarn',
        orderStatus: 'placed',
      });
      await act(FK_DEHUA, sub(order, 'f-dehua'), 'reject', { reason: 'Closed' });
      expect((await json(await api.get(`/v1/orders/${order.id}`, SK))).status).toBe('rejected');
    });

    it('refuses a second reject with another reason (409, the first kept); the same reason is a no-op', async () => {
      const order = await place();
      const id = sub(order, 'f-yiwu');
      const first = await json(await act(FK_YIWU, id, 'reject', { reason: 'Out of yarn' }));
      const same = await act(FK_YIWU, id, 'reject', { reason: 'Out of yarn' });
      expect(same.status).toBe(200);
      expect(await json(same)).toEqual(first);
      const other = await act(FK_YIWU, id, 'reject', { reason: 'Machine broken' });
      expect(other.status).toBe(409);
      expect((await json(other)).error.code).toBe('invalid_transition');
      const { rows } = await t.db.query<{ reject_reason: string }>(
        'select reject_reason from factory_orders where id = $1',
        [id],
      );
      expect(rows).toEqual([{ reject_reason: 'Out of yarn' }]);
    });

    it('answers 404 when a factory touches another factory’s sub-order, and changes nothing', async () => {
      const order = await place();
      const dehua = sub(order, 'f-dehua');
      for (const action of ['accept', 'reject', 'ship']) {
        const response = await act(FK_YIWU, dehua, action, action === 'ship' ? ship : { reason: 'x' });
        expect(response.status, action).toBe(404);
        expect((await json(response)).error.code).toBe('not_found');
      }
      expect((await act(FK_YIWU, 'fo_does_not_exist', 'accept')).status).toBe(404);
      const { rows } = await t.db.query<{ status: string }>(
        'select status from factory_orders where id = $1',
        [dehua],
      );
      expect(rows).toEqual([{ status: 'placed' }]);
    });

    it.each([
      ['ship before accept', [], 'ship'],
      ['accept after reject', ['reject'], 'accept'],
      ['reject after accept', ['accept'], 'reject'],
      ['ship after reject', ['reject'], 'ship'],
      ['accept after ship', ['accept', 'ship'], 'accept'],
    ])('answers 409 invalid_transition: %s', async (_label, before, action) => {
      const order = await place();
      const id = sub(order, 'f-yiwu');
      for (const step of before) {
        expect((await act(FK_YIWU, id, step, step === 'ship' ? ship : { reason: 'r' })).status).toBe(200);
      }
      const outboxBefore = (await t.db.query('select id from outbox')).rows.length;
      const response = await act(FK_YIWU, id, action, action === 'ship' ? ship : { reason: 'r' });
      expect(response.status).toBe(409);
      expect((await json(response)).error.code).toBe('invalid_transition');
      expect((await t.db.query('select id from outbox')).rows.length).toBe(outboxBefore);
    });

    it('treats a repeated transition as a no-op 200', async () => {
      const order = await place();
      const id = sub(order, 'f-yiwu');
      const first = await json(await act(FK_YIWU, id, 'accept'));
      api.clock.advance(5000);
      const again = await act(FK_YIWU, id, 'accept');
      expect(again.status).toBe(200);
      expect(await json(again)).toEqual(first);
      await act(FK_YIWU, id, 'ship', ship);
      const shipAgain = await act(FK_YIWU, id, 'ship', ship);
      expect(shipAgain.status).toBe(200);
      expect((await json(shipAgain)).shipment.trackingNumber).toBe(ship.trackingNumber);
      const otherTracking = await act(FK_YIWU, id, 'ship', { ...ship, trackingNumber: 'DIFFERENT' });
      expect(otherTracking.status).toBe(409);
      expect((await merchantMessages()).length).toBe(2);
    });

    it('serializes concurrent transitions of sibling sub-orders: the parent ends right', async () => {
      const order = await place();
      await Promise.all([
        act(FK_YIWU, sub(order, 'f-yiwu'), 'accept'),
        act(FK_DEHUA, sub(order, 'f-dehua'), 'accept'),
      ]);
      expect((await json(await api.get(`/v1/orders/${order.id}`, SK))).status).toBe('accepted');
    });

    it('validates reject and ship bodies, naming the field', async () => {
      const order = await place();
      const id = sub(order, 'f-yiwu');
      const reject = await act(FK_YIWU, id, 'reject', { reason: '' });
      expect(reject.status).toBe(400);
      expect((await json(reject)).error.details[0].path).toBe('reason');
      await act(FK_YIWU, id, 'accept');
      const shipResponse = await act(FK_YIWU, id, 'ship', { carrier: 'SF' });
      expect(shipResponse.status).toBe(400);
      expect((await json(shipResponse)).error.message).toContain('trackingNumber');
    });

    it('shipped units leave the factory queue', async () => {
      const big = { lines: [{ skuId: 'socks-red', quantity: 1000 }], expectedTotal: 400_000 };
      const first = await place(orderBody(big));
      await act(FK_YIWU, sub(first, 'f-yiwu'), 'accept');
      await act(FK_YIWU, sub(first, 'f-yiwu'), 'ship', ship);
      const second = await place(
        orderBody({ lines: [{ skuId: 'socks-red', quantity: 100 }], expectedTotal: 45_000 }),
      );
      const { rows } = await t.db.query<{ estimated_ship_date: string }>(
        'select estimated_ship_date from factory_orders where order_id = $1',
        [second.id],
      );
      expect(rows).toEqual([{ estimated_ship_date: '2026-03-04' }]);
    });
  });

  describe('factory queues', () => {
    /** The running totals routing reads, and what they must equal: the open sub-orders' units. */
    const queues = async (): Promise<{ kept: Record<string, number>; open: Record<string, number> }> => {
      const kept = await t.db.query<{ factory_id: string; units: number }>(
        `select factory_id, units from factory_queues where units > 0 order by factory_id`,
      );
      const open = await t.db.query<{ factory_id: string; units: number }>(
        `select factory_id, sum(units)::bigint as units from factory_orders
          where status in ('placed', 'accepted') group by factory_id order by factory_id`,
      );
      const record = (rows: { factory_id: string; units: number }[]): Record<string, number> =>
        Object.fromEntries(rows.map((row) => [row.factory_id, Number(row.units)]));
      return { kept: record(kept.rows), open: record(open.rows) };
    };

    it('grow with each order and shrink when a sub-order ships or is rejected, never otherwise', async () => {
      const a = await place();
      const b = await place();
      const c = await place();
      let q = await queues();
      expect(q.kept).toEqual(q.open);
      expect(Object.keys(q.kept).sort()).toEqual(['f-dehua', 'f-yiwu']);
      const before = q.kept;

      await act(FK_YIWU, sub(a, 'f-yiwu'), 'accept');
      q = await queues();
      expect(q.kept).toEqual(before);

      await act(FK_YIWU, sub(a, 'f-yiwu'), 'ship', ship);
      await act(FK_YIWU, sub(a, 'f-yiwu'), 'ship', ship); // a replay changes nothing
      await act(FK_DEHUA, sub(b, 'f-dehua'), 'reject', { reason: 'Kiln maintenance' });
      await act(FK_DEHUA, sub(c, 'f-dehua'), 'ship', ship);
      q = await queues();
      expect(q.kept).toEqual(q.open);
      expect(q.kept['f-yiwu']).toBeLessThan(before['f-yiwu']!);
      expect(q.kept['f-dehua'] ?? 0).toBeLessThan(before['f-dehua']!);
    });

    it("are what routing reads: the next order's lines queue behind them", async () => {
      await place();
      const { kept } = await queues();
      const next = await place();
      const admin = await json(await api.get(`/v1/orders/${next.id}`, SK));
      const yiwu = admin.factoryOrders.find((fo: { factoryId: string }) => fo.factoryId === 'f-yiwu');
      expect(kept['f-yiwu']).toBeGreaterThan(0);
      expect(yiwu.routing.lines[0].queuedBefore).toBe(kept['f-yiwu']);
    });
  });

  describe('admin', () => {
    it('lists orders newest first with buyer details, paged and filtered', async () => {
      const placed: Placed[] = [];
      for (let i = 0; i < 3; i++) {
        placed.push(await place());
        api.clock.advance(1000);
      }
      await act(FK_YIWU, sub(placed[1]!, 'f-yiwu'), 'accept');
      const page1 = await json(await api.get('/v1/admin/orders?limit=2', SK));
      expect(page1.data.map((o: { id: string }) => o.id)).toEqual([placed[2]!.id, placed[1]!.id]);
      expect(page1.data[0].buyer.name).toBe('Li Wei');
      expect(page1.data[0].factoryOrders).toHaveLength(2);
      const page2 = await json(await api.get(`/v1/admin/orders?limit=2&cursor=${page1.nextCursor}`, SK));
      expect(page2.data.map((o: { id: string }) => o.id)).toEqual([placed[0]!.id]);
      expect(page2.nextCursor).toBeNull();
      const partial = await json(await api.get('/v1/admin/orders?status=partially_accepted', SK));
      expect(partial.data.map((o: { id: string }) => o.id)).toEqual([placed[1]!.id]);
      expect((await api.get('/v1/admin/orders?status=nope', SK)).status).toBe(400);
    });

    it('lists dead webhook messages and replays one', async () => {
      const order = await place();
      const { rows } = await t.db.query<{ id: string }>(
        `update outbox set status = 'dead', attempts = 8, last_status = 500, last_error = 'HTTP 500',
                next_attempt_at = $1
          where factory_id = 'f-yiwu' returning id`,
        [new Date('2026-03-05T00:00:00Z')],
      );
      const deadId = rows[0]!.id;
      const dead = await json(await api.get('/v1/admin/webhooks/dead', SK));
      expect(dead.data).toEqual([
        {
          id: deadId,
          destination: 'factory',
          factoryId: 'f-yiwu',
          orderId: order.id,
          eventType: 'factory_order.created',
          attempts: 8,
          lastStatus: 500,
          lastError: 'HTTP 500',
          createdAt: '2026-03-02T02:00:00.000Z',
        },
      ]);
      expect(JSON.stringify(dead)).not.toContain('Li Wei');

      api.clock.advance(10_000);
      const replay = await api.post(`/v1/admin/webhooks/${deadId}/replay`, {}, SK);
      expect(replay.status).toBe(200);
      expect(await json(replay)).toEqual({ id: deadId, status: 'pending' });
      const after = await t.db.query<{ status: string; attempts: number; next_attempt_at: Date }>(
        'select status, attempts, next_attempt_at from outbox where id = $1',
        [deadId],
      );
      expect(after.rows[0]).toEqual({ status: 'pending', attempts: 0, next_attempt_at: api.clock() });
      expect((await json(await api.get('/v1/admin/webhooks/dead', SK))).data).toEqual([]);

      const again = await api.post(`/v1/admin/webhooks/${deadId}/replay`, {}, SK);
      expect(again.status).toBe(409);
      expect((await json(again)).error.code).toBe('webhook_pending');
      expect((await api.post('/v1/admin/webhooks/msg_nope/replay', {}, SK)).status).toBe(404);
    });

    it('needs the secret key', async () => {
      for (const key of [PK, FK_YIWU, null]) {
        expect((await api.get('/v1/admin/orders', key)).status).toBe(401);
        expect((await api.get('/v1/admin/webhooks/dead', key)).status).toBe(401);
        expect((await api.post('/v1/admin/webhooks/msg_x/replay', {}, key)).status).toBe(401);
      }
    });
  });
});
