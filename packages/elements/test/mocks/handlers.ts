/**
 * msw handlers that imitate the order server's API over the fixture catalog, with switches for
 * the failures element tests need. Prices come from the core's `quote()` and routing from
 * `routeOrder()`, as on the real server.
 *
 *     import { MOCK_API, MOCK_KEY, mockApi } from './mocks/handlers.js';
 *     mockApi.fail({ method: 'POST', path: '/v1/orders', status: 503, times: 2 });
 *     mockApi.raisePrices(100);              // next order with the old total → 409 price_changed
 *     const { id, accessToken } = mockApi.seedOrder([{ skuId: 'coat-black-m', quantity: 20 }]);
 *     mockApi.updateFactoryOrder(id, 0, { status: 'shipped', shipment: { … } });
 *     mockApi.requests.filter((r) => r.path === '/v1/orders');
 *
 * The state is reset between tests by `useMockApi()` (setup.ts).
 */
import {
  deriveOrderStatus,
  localize,
  OrderRequestSchema,
  parseWith,
  quote,
  QuoteRequestSchema,
  routeOrder,
  type Catalog,
  type FactoryOrderView,
  type Offer,
  type OrderResponse,
  type QuoteLineInput,
  type Violation,
} from '@chainkit/core';
import { http, HttpResponse, type HttpResponseResolver } from 'msw';
import { FIXTURE_CATALOG } from './fixture-catalog.js';

/** Base URL the mocked API lives at; give it to `<chain-store api>` or `createApiClient`. */
export const MOCK_API = 'https://api.chainkit.test';
/** A publishable key the mock accepts. Any other `pk_…` is refused with 401. */
export const MOCK_KEY = 'pk_test_mock';
/** The day orders are placed on (routing computes ship dates from it). */
export const MOCK_ORDER_DATE = '2026-11-24';

/** One request the mock saw. Tests assert on headers (idempotency keys) and bodies. */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the base, e.g. `/v1/orders`. */
  readonly path: string;
  readonly search: string;
  readonly authorization: string | null;
  readonly idempotencyKey: string | null;
  readonly body: unknown;
}

/** A failure to inject: the next `times` matching requests fail this way. */
export interface FailureSpec {
  /** `GET`, `POST`, or any when absent. */
  method?: string;
  /** Path prefix, e.g. `/v1/orders` or `/v1/offers`. */
  path: string;
  /** HTTP status (default 500), or `'network'` for a failed fetch. */
  status?: number | 'network';
  /** The error code in the body (default from the status: `internal_error`, `rate_limited`, …). */
  code?: string;
  times?: number;
  headers?: Record<string, string>;
  /**
   * Orders only: store the order first, then fail (a response lost after the commit). A retry
   * with the same idempotency key then gets the stored order.
   */
  afterCommit?: boolean;
}

interface StoredOrder {
  order: OrderResponse;
  /** Idempotency fingerprint → response, per key. */
}

interface MockStateShape {
  catalog: Catalog;
  failures: (FailureSpec & { remaining: number })[];
  orders: Map<string, StoredOrder>;
  idempotency: Map<string, { fingerprint: string; status: number; body: OrderResponse }>;
  requests: RecordedRequest[];
  /** Milliseconds every response waits (to see loading states). */
  latencyMs: number;
  sequence: number;
}

function initialState(): MockStateShape {
  return {
    catalog: FIXTURE_CATALOG,
    failures: [],
    orders: new Map(),
    idempotency: new Map(),
    requests: [],
    latencyMs: 0,
    sequence: 0,
  };
}

let state = initialState();

const DEFAULT_CODES: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  404: 'not_found',
  408: 'request_timeout',
  409: 'price_changed',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'catalog_unavailable',
  504: 'gateway_timeout',
};

function errorResponse(status: number, code: string, message: string, details: unknown = null, headers = {}) {
  return HttpResponse.json({ error: { code, message, details } }, { status, headers });
}

/** Control of the mocked API for tests. */
export const mockApi = {
  /** Every request seen since the last reset, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return state.requests;
  },
  /** The catalog served now. */
  get catalog(): Catalog {
    return state.catalog;
  },
  /** Serve another catalog (e.g. 10,000 generated offers). */
  useCatalog(catalog: Catalog): void {
    state.catalog = catalog;
  },
  /** Every response waits this long. */
  setLatency(ms: number): void {
    state.latencyMs = ms;
  },
  /** Make the next matching requests fail (see {@link FailureSpec}). */
  fail(spec: FailureSpec): void {
    state.failures.push({ ...spec, remaining: spec.times ?? 1 });
  },
  /**
   * Raise every price of the served catalog by `delta` minor units. Elements that loaded the
   * offer before keep the old prices, so their order gets 409 `price_changed` with the new quote.
   */
  raisePrices(delta: number): void {
    state.catalog = {
      ...state.catalog,
      offers: state.catalog.offers.map((offer) => ({
        ...offer,
        pricing: {
          ...offer.pricing,
          tiers: offer.pricing.tiers.map((t) => ({ ...t, unitPrice: t.unitPrice + delta })),
        },
        skus: offer.skus.map((sku) =>
          sku.tiers
            ? { ...sku, tiers: sku.tiers.map((t) => ({ ...t, unitPrice: t.unitPrice + delta })) }
            : sku,
        ),
      })),
    };
  },
  /** Creates an order directly (no request), as if placed; returns it with its access token. */
  seedOrder(lines: readonly QuoteLineInput[]): OrderResponse {
    const result = createOrder(lines);
    if (!('order' in result)) throw new Error(`seedOrder: ${result.code}`);
    return result.order;
  },
  /** Changes one sub-order, as the factory API would; the parent status is derived again. */
  updateFactoryOrder(orderId: string, index: number, change: Partial<FactoryOrderView>): OrderResponse {
    const stored = state.orders.get(orderId);
    const sub = stored?.order.factoryOrders[index];
    if (!stored || !sub) throw new Error(`no sub-order ${index} of ${orderId}`);
    const factoryOrders = stored.order.factoryOrders.map((fo, i) =>
      i === index ? { ...fo, ...change } : fo,
    );
    stored.order = {
      ...stored.order,
      factoryOrders,
      status: deriveOrderStatus(factoryOrders.map((fo) => fo.status)),
    };
    return stored.order;
  },
  /** The order as the mock holds it now. */
  order(id: string): OrderResponse | undefined {
    return state.orders.get(id)?.order;
  },
  /** Back to the fixture catalog, no failures, no orders, no recorded requests. */
  reset(): void {
    state = initialState();
  },
};

function nextId(prefix: string): string {
  state.sequence += 1;
  return `${prefix}_mock${String(state.sequence).padStart(6, '0')}`;
}

function allViolations(
  violations: readonly Violation[],
  offers: readonly { violations: readonly Violation[] }[],
) {
  return [...violations, ...offers.flatMap((o) => o.violations)];
}

type CreateResult =
  { order: OrderResponse } | { status: number; code: string; message: string; details: unknown };

function createOrder(lines: readonly QuoteLineInput[], expectedTotal?: number): CreateResult {
  const catalog = state.catalog;
  const priced = quote(catalog, lines);
  if (!priced.ok) {
    return {
      status: 422,
      code: 'quote_violations',
      message: 'The order breaks the catalog rules (see details.violations)',
      details: { violations: allViolations(priced.violations, priced.offers), quote: priced },
    };
  }
  if (expectedTotal !== undefined && priced.subtotal !== expectedTotal) {
    return {
      status: 409,
      code: 'price_changed',
      message: 'The total differs from expectedTotal; confirm the new total with the buyer',
      details: { expectedTotal, total: priced.subtotal, quote: priced },
    };
  }
  const routing = routeOrder({
    catalog,
    lines: priced.lines,
    shipTo: { country: 'CN', region: 'CN-ZJ' },
    orderDate: MOCK_ORDER_DATE,
  });
  if (routing.unassigned.length > 0) {
    return {
      status: 422,
      code: 'unroutable',
      message: 'No factory can make part of this order',
      details: null,
    };
  }
  const id = nextId('ord');
  const order: OrderResponse = {
    id,
    status: 'placed',
    currency: priced.currency,
    total: priced.subtotal,
    accessToken: `ot_${id}_${'x'.repeat(24)}`,
    createdAt: `${MOCK_ORDER_DATE}T02:00:00.000Z`,
    factoryOrders: routing.factoryOrders.map((routed) => ({
      id: nextId('fo'),
      factoryId: routed.factoryId,
      lines: routed.lines.map(({ skuId, offerId, quantity, unitPrice, lineTotal }) => ({
        skuId,
        offerId,
        quantity,
        unitPrice,
        lineTotal,
      })),
      subtotal: routed.subtotal,
      estimatedShipDate: routed.estimatedShipDate,
      status: 'placed',
      shipment: null,
      rejectionReason: null,
    })),
  };
  state.orders.set(id, { order });
  return { order };
}

function bearer(request: Request): string | null {
  const header = request.headers.get('authorization');
  return header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
}

async function readBody(request: Request): Promise<unknown> {
  if (request.method === 'GET') return undefined;
  const text = await request.clone().text();
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/**
 * Wraps a resolver: records the request, waits the latency, applies injected failures and the
 * publishable-key check (unless `auth` is `'order'`).
 */
function route(auth: 'key' | 'order', resolver: HttpResponseResolver): HttpResponseResolver {
  return async (info) => {
    const { request } = info;
    const url = new URL(request.url);
    const path = url.pathname;
    const body = await readBody(request);
    state.requests.push({
      method: request.method,
      path,
      search: url.search,
      authorization: request.headers.get('authorization'),
      idempotencyKey: request.headers.get('idempotency-key'),
      body,
    });
    if (state.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, state.latencyMs));
    const failure = state.failures.find(
      (f) => f.remaining > 0 && path.startsWith(f.path) && (!f.method || f.method === request.method),
    );
    if (failure) {
      failure.remaining -= 1;
      if (failure.afterCommit && request.method === 'POST' && path === '/v1/orders') await resolver(info);
      if (failure.status === 'network') return HttpResponse.error();
      const status = failure.status ?? 500;
      return errorResponse(
        status,
        failure.code ?? DEFAULT_CODES[status] ?? 'internal_error',
        'Injected failure',
        null,
        failure.headers,
      );
    }
    if (auth === 'key' && bearer(request) !== MOCK_KEY) {
      return errorResponse(401, 'unauthorized', 'Unknown API key');
    }
    return resolver(info);
  };
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function titleMatches(offer: Offer, q: string): boolean {
  const titles = typeof offer.title === 'string' ? [offer.title] : Object.values(offer.title);
  return titles.some((title) => fold(title).includes(fold(q)));
}

export const handlers = [
  http.get(
    `${MOCK_API}/v1/offers`,
    route('key', ({ request }) => {
      const url = new URL(request.url);
      const q = url.searchParams.get('q')?.trim();
      const category = url.searchParams.get('category')?.trim();
      const limit = Number(url.searchParams.get('limit') ?? 20);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        return errorResponse(400, 'invalid_request', 'limit must be an integer from 1 to 100');
      }
      const cursor = url.searchParams.get('cursor');
      const start = cursor ? Number(atob(cursor)) : 0;
      const matching = state.catalog.offers.filter(
        (offer) => (!q || titleMatches(offer, q)) && (!category || offer.category === category),
      );
      const data = matching.slice(start, start + limit);
      const end = start + data.length;
      return HttpResponse.json({
        currency: state.catalog.currency,
        data,
        nextCursor: end < matching.length ? btoa(String(end)) : null,
      });
    }),
  ),

  http.get(
    `${MOCK_API}/v1/offers/:id`,
    route('key', ({ params }) => {
      const offer = state.catalog.offers.find((o) => o.id === params.id);
      if (!offer) return errorResponse(404, 'not_found', 'No offer with this id');
      const ids = new Set(offer.sourcing.map((s) => s.factoryId));
      return HttpResponse.json({
        currency: state.catalog.currency,
        offer,
        factories: state.catalog.factories.filter((f) => ids.has(f.id)),
      });
    }),
  ),

  http.get(
    `${MOCK_API}/v1/factories`,
    route('key', () => HttpResponse.json({ data: state.catalog.factories })),
  ),

  http.post(
    `${MOCK_API}/v1/quotes`,
    route('key', async ({ request }) => {
      const body = await readBody(request);
      const parsed = parseWith(QuoteRequestSchema, body);
      if (!parsed.ok)
        return errorResponse(400, 'invalid_request', parsed.issues[0]?.message ?? '', parsed.issues);
      const priced = quote(state.catalog, parsed.value.lines);
      const shipTo = (body as { shipTo?: { country: string; region?: string } }).shipTo;
      if (!shipTo) return HttpResponse.json(priced);
      // With shipTo, the routing preview, as the real server computes it (no queues here).
      const routing = routeOrder({
        catalog: state.catalog,
        lines: priced.lines,
        shipTo: { country: shipTo.country.toUpperCase(), region: shipTo.region ?? '' },
        orderDate: MOCK_ORDER_DATE,
      });
      const names = new Map(state.catalog.factories.map((factory) => [factory.id, factory.name]));
      return HttpResponse.json({
        ...priced,
        routing: {
          rows: routing.factoryOrders.map((order) => ({
            factoryId: order.factoryId,
            factoryName: names.get(order.factoryId) ?? order.factoryId,
            units: order.lines.reduce((sum, line) => sum + line.quantity, 0),
            subtotal: order.subtotal,
            estimatedShipDate: order.estimatedShipDate,
          })),
          unassignedUnits: routing.unassigned.reduce((sum, line) => sum + line.quantity, 0),
        },
      });
    }),
  ),

  http.post(
    `${MOCK_API}/v1/orders`,
    route('key', async ({ request }) => {
      const key = request.headers.get('idempotency-key');
      if (!key) return errorResponse(400, 'idempotency_key_invalid', 'Send an Idempotency-Key header');
      const raw = await readBody(request);
      const fingerprint = JSON.stringify(raw);
      const stored = state.idempotency.get(key);
      if (stored) {
        if (stored.fingerprint !== fingerprint) {
          return errorResponse(
            422,
            'idempotency_key_reused',
            'This Idempotency-Key was used with another body',
          );
        }
        return HttpResponse.json(stored.body, {
          status: stored.status,
          headers: { 'Idempotency-Replayed': 'true' },
        });
      }
      const parsed = parseWith(OrderRequestSchema, raw);
      if (!parsed.ok)
        return errorResponse(400, 'invalid_request', parsed.issues[0]?.message ?? '', parsed.issues);
      const result = createOrder(parsed.value.lines, parsed.value.expectedTotal);
      if (!('order' in result))
        return errorResponse(result.status, result.code, result.message, result.details);
      state.idempotency.set(key, { fingerprint, status: 201, body: result.order });
      return HttpResponse.json(result.order, { status: 201 });
    }),
  ),

  http.get(
    `${MOCK_API}/v1/orders/:id`,
    route('order', ({ request, params }) => {
      const stored = state.orders.get(String(params.id));
      if (!stored || bearer(request) !== stored.order.accessToken) {
        return errorResponse(404, 'not_found', 'No order with this id for this access token');
      }
      return HttpResponse.json(stored.order);
    }),
  ),
];

/** The title of an offer in `locale`, as elements should show it (for assertions). */
export function titleOf(offer: Offer, locale: string): string {
  return localize(offer.title, locale);
}
