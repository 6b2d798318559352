/**
 * Input a client made up or tampered with (cursors it was never given, ids no row can have)
 * is the client's mistake: a 4xx in the error shape naming what is wrong, never a 500 from the
 * database refusing the value.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { backends, useTestDb } from '../helpers/test-db.js';
import { json, setupApp, type TestApp } from '../helpers/test-app.js';
import { FK_YIWU, orderBody, PK, SK } from '../helpers/test-store.js';

const cursorOf = (values: unknown): string =>
  btoa(JSON.stringify(values)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

describe.each(backends)('tampered input on $name', (backend) => {
  const t = useTestDb(backend);
  let api: TestApp;

  beforeEach(async () => {
    api = await setupApp(t.db);
  });

  const listings: [string, string][] = [
    ['/v1/factory/orders', FK_YIWU],
    ['/v1/admin/orders', SK],
    ['/v1/admin/webhooks/dead', SK],
  ];

  describe.each(listings)('GET %s', (path, key) => {
    it.each([
      ['a month 13 and hour 99', ['2026-13-45 99:99:99+00', 'ord_x']],
      ['February 29 of a common year', ['2026-02-29 00:00:00+00', 'ord_x']],
      ['year 0', ['0000-01-01 00:00:00+00', 'ord_x']],
      ['an offset of +99 hours', ['2026-01-01 00:00:00+99', 'ord_x']],
      ['a NUL in the id', ['2026-01-01 00:00:00+00', 'ord_\u0000']],
    ])('answers 400 naming cursor for a cursor with %s', async (_, values) => {
      const response = await api.get(`${path}?cursor=${cursorOf(values)}`, key);
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.details[0].path).toBe('cursor');
    });

    it('still takes a cursor with a valid leap day and a half-hour offset', async () => {
      const response = await api.get(`${path}?cursor=${cursorOf(['2024-02-29 23:59:59.5+05:30', 'x'])}`, key);
      expect(response.status).toBe(200);
    });
  });

  it.each([[2 ** 31], [Number.MAX_SAFE_INTEGER]])(
    'answers 400 naming cursor for an offers cursor at position %d',
    async (position) => {
      const response = await api.get(`/v1/offers?cursor=${cursorOf([position])}`);
      expect(response.status).toBe(400);
      expect((await json(response)).error.details[0].path).toBe('cursor');
    },
  );

  describe('an id with a NUL, which no row can have', () => {
    const expectNotFound = async (response: Response): Promise<void> => {
      expect(response.status).toBe(404);
      expect((await json(response)).error.code).toBe('not_found');
    };

    it('is 404 for GET /v1/orders/:id with the secret key or an order token', async () => {
      await expectNotFound(await api.get('/v1/orders/ord_%00x', SK));
      await expectNotFound(await api.get('/v1/orders/ord_%00x', `ot_${'a'.repeat(43)}`));
    });

    it.each(['accept', 'reject', 'ship'])('is 404 for POST /v1/factory/orders/:id/%s', async (action) => {
      const body = action === 'reject' ? { reason: 'No cotton' } : { carrier: 'SF', trackingNumber: 'SF1' };
      await expectNotFound(await api.post(`/v1/factory/orders/fo_%00x/${action}`, body, FK_YIWU));
    });

    it('is 404 for POST /v1/admin/webhooks/:id/replay', async () => {
      await expectNotFound(await api.post('/v1/admin/webhooks/msg_%00x/replay', {}, SK));
    });
  });

  it('refuses a lone surrogate in the buyer (jsonb) with 400 naming the field, storing nothing', async () => {
    const body = orderBody({ buyer: { name: 'Li \ud800Wei', phone: '+86 138 0000 0000' } });
    const response = await api.post('/v1/orders', body, PK, { 'Idempotency-Key': 'lone-surrogate' });
    expect(response.status).toBe(400);
    const error = (await json(response)).error;
    expect(error.code).toBe('invalid_request');
    expect(error.details[0].path).toBe('buyer.name');
    const { rows } = await t.db.query<{ n: number }>(
      `select (select count(*) from orders)::int + (select count(*) from idempotency_keys)::int as n`,
    );
    expect(rows[0]?.n).toBe(0);
  });
});
