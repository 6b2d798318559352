import { expect } from '@open-wc/testing';
import { validateCatalog } from '@chainkit/core';
import { http, HttpResponse } from 'msw';
import { createApiClient, type ApiClientOptions } from '../src/internal/api-client.js';
import { ChainApiError } from '../src/internal/api-error.js';
import { FIXTURE_CATALOG, MOCK_API, MOCK_KEY, useMockApi, worker } from './mocks/setup.js';

const api = useMockApi();

const ORDER = {
  buyer: { name: 'Li Wei', phone: '+86 138 0000 0000' },
  shipTo: { country: 'CN', region: 'CN-ZJ', city: 'Hangzhou', line1: '1 West Lake Rd' },
  lines: [{ skuId: 'coat-black-m', quantity: 20 }],
  expectedTotal: 20 * 15800,
};

function client(options: Partial<ApiClientOptions> = {}) {
  // No jitter wait in tests: random() = 0 makes every backoff 0 ms.
  return createApiClient({ api: MOCK_API, key: MOCK_KEY, random: () => 0, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<ChainApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ChainApiError);
    return error as ChainApiError;
  }
  throw new Error('expected the call to reject');
}

describe('fixture catalog', () => {
  it('is a valid catalog', () => {
    const result = validateCatalog(FIXTURE_CATALOG);
    expect(result.ok, JSON.stringify(result)).to.equal(true);
  });
});

describe('createApiClient()', () => {
  it('sends the publishable key as a bearer token and unwraps offers', async () => {
    const offer = await client().getOffer('coat');
    expect(offer.id).to.equal('coat');
    expect(api.requests[0]?.authorization).to.equal(`Bearer ${MOCK_KEY}`);
  });

  it('lists offers with q, category, cursor and limit', async () => {
    const c = client();
    const first = await c.listOffers({ category: 'accessories', limit: 1 });
    expect(first.data.map((o) => o.id)).to.deep.equal(['hat']);
    const second = await c.listOffers({ category: 'accessories', limit: 1, cursor: first.nextCursor });
    expect(second.data.map((o) => o.id)).to.deep.equal(['socks']);
    expect(second.nextCursor).to.equal(null);
    const found = await c.listOffers({ q: '大衣' });
    expect(found.data.map((o) => o.id)).to.deep.equal(['coat']);
    expect(api.requests.map((r) => r.search)).to.deep.equal([
      '?category=accessories&limit=1',
      `?category=accessories&cursor=${encodeURIComponent(first.nextCursor!)}&limit=1`,
      `?q=${encodeURIComponent('大衣')}`,
    ]);
  });

  it('caches catalog reads and shares concurrent identical requests', async () => {
    const c = client();
    const [a, b] = await Promise.all([c.listOffers({}), c.listOffers({})]);
    expect(a).to.equal(b);
    await c.listOffers({});
    // Offers seen in a page fill the single-offer cache too.
    await c.getOffer('hat');
    await Promise.all([c.listFactories(), c.listFactories()]);
    expect(api.requests.map((r) => r.path)).to.deep.equal(['/v1/offers', '/v1/factories']);
  });

  it('reads again after the cache expires or is cleared', async () => {
    let now = 0;
    const c = client({ now: () => now });
    await c.getOffer('coat');
    now = 59_000;
    await c.getOffer('coat');
    now = 61_000;
    await c.getOffer('coat');
    c.clearCache();
    await c.getOffer('coat');
    expect(api.requests).to.have.length(3);
  });

  it('aborting one caller of a shared request leaves the others their answer', async () => {
    api.setLatency(50);
    const c = client();
    const controller = new AbortController();
    const aborted = c.listFactories({ signal: controller.signal });
    const kept = c.listFactories();
    controller.abort();
    expect((await rejection(aborted)).code).to.equal('aborted');
    expect((await kept).map((f) => f.id)).to.deep.equal(['f-ningbo', 'f-yiwu']);
    expect(api.requests).to.have.length(1);
  });

  it('does not cache failures', async () => {
    api.fail({ path: '/v1/offers/coat', status: 500 });
    const c = client();
    expect((await rejection(c.getOffer('coat'))).code).to.equal('internal_error');
    expect((await c.getOffer('coat')).id).to.equal('coat');
  });

  it('rejects with the server error code, message, status and details', async () => {
    const error = await rejection(client().getOffer('nope'));
    expect(error.status).to.equal(404);
    expect(error.code).to.equal('not_found');
    expect(error.message).to.equal('No offer with this id');
  });

  it('retries network errors and 408/429/502/503/504 up to 4 attempts in all', async () => {
    api.fail({ path: '/v1/factories', status: 'network' });
    api.fail({ path: '/v1/factories', status: 502 });
    api.fail({ path: '/v1/factories', status: 504 });
    const factories = await client().listFactories();
    expect(factories).to.have.length(2);
    expect(api.requests).to.have.length(4);
  });

  it('gives up after the fourth attempt with the last error', async () => {
    api.fail({ path: '/v1/factories', status: 503, times: 10 });
    const error = await rejection(client({ retry: { attempts: 9 } }).listFactories());
    expect(error.status).to.equal(503);
    expect(api.requests).to.have.length(4);
  });

  it('reports a network failure as network_error with status 0', async () => {
    api.fail({ path: '/v1/factories', status: 'network', times: 4 });
    const error = await rejection(client().listFactories());
    expect(error.code).to.equal('network_error');
    expect(error.status).to.equal(0);
    expect(error.isNetwork).to.equal(true);
  });

  it('does not retry 500, 400, 401, 404 or 409 price_changed', async () => {
    for (const status of [500, 400, 401, 404]) {
      api.reset();
      api.fail({ path: '/v1/quotes', status });
      const error = await rejection(client().quote([{ skuId: 'hat-red', quantity: 5 }]));
      expect(error.status).to.equal(status);
      expect(api.requests).to.have.length(1);
    }
    api.reset();
    api.raisePrices(100);
    const error = await rejection(client().placeOrder(ORDER, { idempotencyKey: 'k-409' }));
    expect(error.code).to.equal('price_changed');
    expect((error.details as { total: number }).total).to.equal(20 * 15900);
    expect(api.requests).to.have.length(1);
  });

  it('waits with full jitter: random() × min(cap, base × 2^n)', async () => {
    api.fail({ path: '/v1/factories', status: 503, times: 3 });
    const draws: number[] = [];
    const started = performance.now();
    await client({
      random: () => {
        draws.push(1);
        return 0.999;
      },
      retry: { baseDelayMs: 20, maxDelayMs: 40 },
    }).listFactories();
    const elapsed = performance.now() - started;
    // Waits of ~20, ~40 and ~40 ms (capped).
    expect(draws).to.have.length(3);
    expect(elapsed).to.be.within(95, 2_000);
  });

  it('sends shipTo with a quote and returns the routing preview; none without it', async () => {
    const lines = [{ skuId: 'hat-red', quantity: 5 }];
    const plain = await client().quote(lines);
    expect(plain.routing).to.equal(undefined);
    const routed = await client().quote(lines, { shipTo: { country: 'CN', region: 'CN-ZJ' } });
    expect(routed.subtotal).to.equal(plain.subtotal);
    expect(routed.routing?.rows.reduce((sum, row) => sum + row.units, 0)).to.equal(5);
    expect(api.requests.map((r) => r.body)).to.deep.equal([
      { lines },
      { lines, shipTo: { country: 'CN', region: 'CN-ZJ' } },
    ]);
  });

  it('honours Retry-After (seconds) before retrying', async () => {
    api.fail({ path: '/v1/quotes', status: 429, headers: { 'Retry-After': '1' } });
    const started = performance.now();
    await client().quote([{ skuId: 'hat-red', quantity: 5 }]);
    expect(performance.now() - started).to.be.at.least(990);
    expect(api.requests).to.have.length(2);
  });

  it('fails at once when Retry-After is longer than it will wait, telling how long', async () => {
    api.fail({ path: '/v1/quotes', status: 429, headers: { 'Retry-After': '120' } });
    const error = await rejection(client().quote([{ skuId: 'hat-red', quantity: 5 }]));
    expect(error.code).to.equal('rate_limited');
    expect(error.retryAfter).to.equal(120);
    expect(api.requests).to.have.length(1);
  });

  it('places an order with the same Idempotency-Key on every attempt', async () => {
    api.fail({ path: '/v1/orders', status: 'network', afterCommit: true });
    api.fail({ path: '/v1/orders', status: 503 });
    const order = await client().placeOrder(ORDER, { idempotencyKey: 'attempt-1' });
    expect(order.total).to.equal(20 * 15800);
    expect(order.factoryOrders.length).to.be.greaterThan(0);
    const posts = api.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.idempotencyKey)).to.deep.equal(['attempt-1', 'attempt-1', 'attempt-1']);
    // The first attempt committed before its response was lost: still one order.
    expect(api.order(order.id)).to.not.equal(undefined);
    expect(order.id).to.equal('ord_mock000001');
  });

  it('refuses to place an order without an idempotency key', async () => {
    let threw: unknown;
    try {
      await client().placeOrder(ORDER, { idempotencyKey: '' });
    } catch (error) {
      threw = error;
    }
    expect(threw).to.be.instanceOf(TypeError);
    expect(api.requests).to.have.length(0);
  });

  it('reads an order with its access token, not the publishable key', async () => {
    const seeded = api.seedOrder([{ skuId: 'hat-red', quantity: 5 }]);
    const order = await client().getOrder(seeded.id, seeded.accessToken);
    expect(order.id).to.equal(seeded.id);
    expect(api.requests[0]?.authorization).to.equal(`Bearer ${seeded.accessToken}`);
    const error = await rejection(client().getOrder(seeded.id, 'ot_wrong_token_xxxxxxxxxxxxxxx'));
    expect(error.code).to.equal('not_found');
  });

  it('aborts a pending retry wait', async () => {
    api.fail({ path: '/v1/quotes', status: 503, times: 4 });
    const controller = new AbortController();
    const pending = client({ retry: { baseDelayMs: 10_000 }, random: () => 0.5 }).quote(
      [{ skuId: 'hat-red', quantity: 5 }],
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    expect(error.code).to.equal('aborted');
    expect(api.requests).to.have.length(1);
  });

  it('turns a non-JSON answer into invalid_response', async () => {
    worker.use(http.get(`${MOCK_API}/v1/factories`, () => new HttpResponse('<html>', { status: 200 })));
    expect((await rejection(client().listFactories())).code).to.equal('invalid_response');
  });

  it('turns an error without the error shape into http_<status>', async () => {
    worker.use(http.get(`${MOCK_API}/v1/factories`, () => new HttpResponse('bad gateway', { status: 418 })));
    const error = await rejection(client().listFactories());
    expect(error.code).to.equal('http_418');
    expect(error.status).to.equal(418);
  });
});
