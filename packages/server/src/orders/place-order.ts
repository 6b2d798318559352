/**
 * Placing an order, in one transaction:
 * idempotency claim → re-price with `quote()` from the current catalog → `routeOrder()` with
 * the factories' queues as of this transaction → order + sub-orders + one outbox message
 * per sub-order → the idempotency record with the exact response.
 *
 * Any failure throws and rolls the whole transaction back: nothing is stored for a 409
 * `price_changed`, a 422 or a 409 in flight.
 */
import {
  deriveOrderStatus,
  newMessageId,
  OrderRequestSchema,
  parseWith,
  quote,
  routeOrder,
  type FactoryOrderCreatedEvent,
  type OrderRequest,
  type OrderResponse,
  type Quote,
  type Violation,
} from '@chainkit/core';
import type { AppDeps } from '../app-types.js';
import { requireCatalog } from '../catalog/require-catalog.js';
import type { Queryable } from '../db/database.js';
import { ORDER_TOKEN_PREFIX } from '../http/auth.js';
import { ApiError, invalidRequest } from '../http/errors.js';
import { newId, randomToken, sha256Hex } from '../util/crypto.js';
import { dayInTimeZone } from '../util/dates.js';
import { findStoredResponse, fingerprintOf, storeResponse, tryLockKey } from './idempotency.js';
import { buyerForFactory, factoryOrderView, type FactoryOrderRow } from './views.js';

export interface PlaceOrderInput {
  /** The publishable key the request came with: the idempotency scope. */
  readonly scope: string;
  /** The checked `Idempotency-Key` header. */
  readonly idempotencyKey: string;
  /** The parsed JSON body, as sent. */
  readonly body: unknown;
}

export interface PlaceOrderResult {
  readonly status: number;
  /** The exact response body (JSON text); a replay returns the stored text unchanged. */
  readonly body: string;
  readonly replayed: boolean;
}

/** Every violation of a quote, the offers' and the quote-wide ones. */
export function allViolations(q: Quote): Violation[] {
  return [...q.violations, ...q.offers.flatMap((offer) => offer.violations)];
}

/** Units not yet shipped per factory (sub-orders placed or accepted), read in `tx`. */
export async function queuedUnits(tx: Queryable): Promise<Record<string, number>> {
  const { rows } = await tx.query<{ factory_id: string; units: number }>(
    `select factory_id, units from factory_queues where units > 0`,
  );
  return Object.fromEntries(rows.map((row) => [row.factory_id, row.units]));
}

/**
 * Adds the new sub-orders' units to their factories' queues. One statement, rows in factory id
 * order: concurrent orders lock the counters they share in the same order, so they wait for each
 * other rather than deadlock.
 */
async function enqueueUnits(tx: Queryable, rows: readonly FactoryOrderRow[]): Promise<void> {
  const perFactory = new Map<string, number>();
  for (const row of rows) perFactory.set(row.factory_id, (perFactory.get(row.factory_id) ?? 0) + row.units);
  const entries = [...perFactory].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return;
  const values = entries.map((_, i) => `($${2 * i + 1}, $${2 * i + 2}::bigint)`).join(', ');
  await tx.query(
    `insert into factory_queues (factory_id, units) values ${values}
     on conflict (factory_id) do update set units = factory_queues.units + excluded.units`,
    entries.flat(),
  );
}

export async function placeOrder(deps: AppDeps, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const parsed = parseWith(OrderRequestSchema, input.body);
  if (!parsed.ok) throw invalidRequest(parsed.issues);
  const request: OrderRequest = parsed.value;
  const fingerprint = await fingerprintOf(input.body);
  const { scope, idempotencyKey } = input;

  return deps.db.transaction(async (tx) => {
    const now = deps.clock();
    if (!(await tryLockKey(tx, scope, idempotencyKey))) {
      throw new ApiError(
        'idempotency_key_in_flight',
        'A request with this Idempotency-Key is still being processed; retry shortly',
      );
    }
    const stored = await findStoredResponse(tx, scope, idempotencyKey, now);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        throw new ApiError(
          'idempotency_key_reused',
          'This Idempotency-Key was already used with a different request body; use a new key for a new order',
        );
      }
      return { status: stored.status, body: stored.body, replayed: true };
    }

    // Re-price from the catalog: the client's prices are never trusted.
    const current = await requireCatalog(deps.catalogs, tx);
    const priced = quote(current.catalog, request.lines);
    if (!priced.ok) {
      throw new ApiError('quote_violations', 'The order breaks the catalog rules (see details.violations)', {
        violations: allViolations(priced),
        quote: priced,
      });
    }
    if (priced.subtotal !== request.expectedTotal) {
      throw new ApiError(
        'price_changed',
        'The total differs from expectedTotal; confirm the new total with the buyer and send it as expectedTotal',
        { expectedTotal: request.expectedTotal, total: priced.subtotal, quote: priced },
      );
    }

    const routing = routeOrder({
      catalog: current.catalog,
      lines: priced.lines,
      shipTo: { country: request.shipTo.country, region: request.shipTo.region },
      orderDate: dayInTimeZone(now, deps.store.timeZone),
      queuedUnits: await queuedUnits(tx),
    });
    if (routing.unassigned.length > 0) {
      throw new ApiError(
        'unroutable',
        'No partner factory can make part of this order (see details.unassigned)',
        {
          unassigned: routing.unassigned.map((line) => ({
            lineIndex: line.lineIndex,
            skuId: line.skuId,
            offerId: line.offerId,
            quantity: line.quantity,
            reason: line.reason,
          })),
        },
      );
    }
    const routedTotal = routing.factoryOrders.reduce((sum, fo) => sum + fo.subtotal, 0);
    if (routedTotal !== priced.subtotal)
      throw new Error('routing subtotals do not add up to the quoted total');

    const orderId = newId('ord');
    const accessToken = ORDER_TOKEN_PREFIX + randomToken(32);
    const status = deriveOrderStatus(routing.factoryOrders.map(() => 'placed' as const));
    const buyer = {
      name: request.buyer.name,
      phone: request.buyer.phone,
      ...(request.buyer.email !== undefined ? { email: request.buyer.email } : {}),
      ...(request.buyer.company !== undefined ? { company: request.buyer.company } : {}),
    };
    await tx.query(
      `insert into orders (id, status, currency, total, access_token_hash, buyer, ship_to, note, lines,
                           catalog_version, scope, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9::jsonb, $10, $11, $12, $12)`,
      [
        orderId,
        status,
        priced.currency,
        priced.subtotal,
        await sha256Hex(accessToken),
        JSON.stringify(buyer),
        JSON.stringify(request.shipTo),
        request.note ?? null,
        JSON.stringify(priced.lines),
        current.version,
        scope,
        now,
      ],
    );

    const rows: FactoryOrderRow[] = routing.factoryOrders.map((routed, seq) => ({
      id: newId('fo'),
      order_id: orderId,
      seq,
      factory_id: routed.factoryId,
      status: 'placed',
      lines: routed.lines.map((line) => ({
        skuId: line.skuId,
        offerId: line.offerId,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        lineTotal: line.lineTotal,
      })),
      units: routed.lines.reduce((sum, line) => sum + line.quantity, 0),
      subtotal: routed.subtotal,
      estimated_ship_date: routed.estimatedShipDate,
      reason: { ...routed.reason, lines: routed.lines.map((line) => line.reason) },
      carrier: null,
      tracking_number: null,
      shipped_at: null,
      reject_reason: null,
      created_at: now,
      updated_at: now,
    }));
    const views = rows.map(factoryOrderView);

    for (const [i, row] of rows.entries()) {
      await tx.query(
        `insert into factory_orders (id, order_id, seq, factory_id, status, lines, units, subtotal,
                                     estimated_ship_date, reason, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10::jsonb, $11, $11)`,
        [
          row.id,
          orderId,
          row.seq,
          row.factory_id,
          row.status,
          JSON.stringify(row.lines),
          row.units,
          row.subtotal,
          row.estimated_ship_date,
          JSON.stringify(row.reason),
          now,
        ],
      );
      const view = views[i];
      if (!view) continue;
      const event: FactoryOrderCreatedEvent = {
        type: 'factory_order.created',
        timestamp: now.toISOString(),
        data: {
          factoryOrder: view,
          order: { id: orderId, currency: priced.currency },
          shipTo: request.shipTo,
          buyer: buyerForFactory(buyer),
          ...(request.note !== undefined ? { note: request.note } : {}),
        },
      };
      await tx.query(
        `insert into outbox (id, destination, factory_id, order_id, event_type, payload, status, attempts,
                             next_attempt_at, created_at)
         values ($1, 'factory', $2, $3, $4, $5, 'pending', 0, $6, $6)`,
        [newMessageId(), row.factory_id, orderId, event.type, JSON.stringify(event), now],
      );
    }

    const response: OrderResponse = {
      id: orderId,
      status,
      currency: priced.currency,
      total: priced.subtotal,
      accessToken,
      createdAt: now.toISOString(),
      factoryOrders: views,
    };
    const body = JSON.stringify(response);
    await storeResponse(tx, {
      scope,
      key: idempotencyKey,
      fingerprint,
      status: 201,
      body,
      orderId,
      now,
    });
    // Last before commit: the counters' row locks are the only ones concurrent orders share.
    await enqueueUnits(tx, rows);
    return { status: 201, body, replayed: false };
  });
}
