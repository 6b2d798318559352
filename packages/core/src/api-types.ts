/**
 * Shapes of the HTTP API (`/v1/…`) and of the webhook events, shared by the server, the
 * browser API client and factories' receivers, plus the pure status rules of orders.
 *
 * All money is integer minor units of the order's `currency`; dates are `YYYY-MM-DD`,
 * instants are ISO 8601 UTC strings (`2026-11-25T08:30:00.000Z`).
 */
import type * as v from 'valibot';
import type { Offer } from './catalog.js';
import type { Quote } from './quote-types.js';
import type {
  FactoryRejectSchema,
  FactoryShipSchema,
  FieldIssue,
  OrderRequestSchema,
  QuoteRequestSchema,
} from './order-schema.js';

// ---------------------------------------------------------------------------------------------
// Requests (validated and normalized by the schemas in order-schema.ts)

/** `POST /v1/quotes` body after validation. */
export type QuoteRequest = v.InferOutput<typeof QuoteRequestSchema>;
/** `POST /v1/orders` body after validation (trimmed; empty optional strings are `undefined`). */
export type OrderRequest = v.InferOutput<typeof OrderRequestSchema>;
/** What a client may send for `POST /v1/orders` (before trimming and normalization). */
export type OrderRequestInput = v.InferInput<typeof OrderRequestSchema>;
/** `POST /v1/factory/orders/:id/reject` body. */
export type FactoryRejectRequest = v.InferOutput<typeof FactoryRejectSchema>;
/** `POST /v1/factory/orders/:id/ship` body. */
export type FactoryShipRequest = v.InferOutput<typeof FactoryShipSchema>;

export type Buyer = OrderRequest['buyer'];
export type ShipTo = OrderRequest['shipTo'];

// ---------------------------------------------------------------------------------------------
// Errors

/** Every error response: `{ error: { code, message, details? } }`. */
export interface ApiError {
  readonly error: {
    /** Stable, machine-readable, snake_case, e.g. `invalid_request`, `price_changed`, `not_found`. */
    readonly code: string;
    /** For people; never contains PII. */
    readonly message: string;
    readonly details?: unknown;
  };
}

/** 400 `invalid_request`: `details` lists every invalid field (from `parseWith`). */
export interface InvalidRequestError extends ApiError {
  readonly error: {
    readonly code: 'invalid_request';
    readonly message: string;
    readonly details: readonly FieldIssue[];
  };
}

/** 409 `price_changed`: the expected total differs from the server's price; nothing was stored. */
export interface PriceChangedError extends ApiError {
  readonly error: {
    readonly code: 'price_changed';
    readonly message: string;
    readonly details: { readonly expectedTotal: number; readonly total: number; readonly quote: Quote };
  };
}

// ---------------------------------------------------------------------------------------------
// Responses

/** One factory's share of quoted lines, in the answer of `POST /v1/quotes` with `shipTo`. */
export interface RoutingPreviewRow {
  readonly factoryId: string;
  readonly factoryName: string;
  /** Units this factory would make. */
  readonly units: number;
  /** Minor units. */
  readonly subtotal: number;
  /** `YYYY-MM-DD`, an estimate: the factories' queues may grow before the order is placed. */
  readonly estimatedShipDate: string;
}

/** Which factories would make quoted lines and when they would ship (the server's routing). */
export interface RoutingPreview {
  readonly rows: readonly RoutingPreviewRow[];
  /** Units no factory can take (no sourcing, beyond the horizon). */
  readonly unassignedUnits: number;
}

/** `POST /v1/quotes`; with `shipTo` in the request it also carries `routing`. */
export type QuoteResponse = Quote & { readonly routing?: RoutingPreview };

/** `GET /v1/offers`: one page of offers; pass `nextCursor` as `?cursor=` for the next, `null` at the end. */
export interface OfferListResponse {
  readonly data: readonly Offer[];
  readonly nextCursor: string | null;
}

export interface OrderLine {
  readonly skuId: string;
  readonly offerId: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly lineTotal: number;
}

export const FACTORY_ORDER_STATUSES = ['placed', 'accepted', 'rejected', 'shipped'] as const;
/** A sub-order's state at one factory. */
export type FactoryOrderStatus = (typeof FACTORY_ORDER_STATUSES)[number];

export const ORDER_STATUSES = [
  'placed',
  'partially_accepted',
  'accepted',
  'partially_shipped',
  'shipped',
  'rejected',
] as const;
/** The parent order's state, derived from its sub-orders by `deriveOrderStatus`. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface Shipment {
  readonly carrier: string;
  readonly trackingNumber: string;
  /** ISO 8601 instant. */
  readonly shippedAt: string;
}

/** One factory's part of an order. */
export interface FactoryOrderView {
  readonly id: string;
  readonly factoryId: string;
  readonly lines: readonly OrderLine[];
  readonly subtotal: number;
  /** `YYYY-MM-DD`, from routing. */
  readonly estimatedShipDate: string;
  readonly status: FactoryOrderStatus;
  /** Present once shipped. */
  readonly shipment?: Shipment | null;
  /** The factory's reason, present once rejected. */
  readonly rejectionReason?: string | null;
}

/** `POST /v1/orders` (201, and the same body on an idempotent replay) and `GET /v1/orders/:id`. */
export interface OrderResponse {
  readonly id: string;
  readonly status: OrderStatus;
  readonly currency: string;
  /** Sum of the sub-orders' subtotals. */
  readonly total: number;
  /** Lets the buyer's browser read this order (and only this one) later. */
  readonly accessToken: string;
  /** ISO 8601 instant. */
  readonly createdAt: string;
  /** Sorted by factory id. */
  readonly factoryOrders: readonly FactoryOrderView[];
}

// ---------------------------------------------------------------------------------------------
// Webhook events (the JSON body of a Standard Webhooks message; see webhooks.ts)

interface WebhookEventBase<TType extends string, TData> {
  readonly type: TType;
  /** ISO 8601 instant the event happened. */
  readonly timestamp: string;
  readonly data: TData;
}

/**
 * Sent to a factory for each new sub-order. Carries the ship-to address and buyer contact
 * because factories ship drop-ship orders straight to the buyer; a factory only ever
 * receives its own sub-orders.
 */
export type FactoryOrderCreatedEvent = WebhookEventBase<
  'factory_order.created',
  {
    readonly factoryOrder: FactoryOrderView;
    readonly order: { readonly id: string; readonly currency: string };
    readonly shipTo: ShipTo;
    readonly buyer: { readonly name: string; readonly phone: string; readonly company?: string };
    /** The buyer's note, when there is one. */
    readonly note?: string;
  }
>;

/** Sent when an order's derived status changes; no PII. */
export type OrderStatusChangedEvent = WebhookEventBase<
  'order.status_changed',
  {
    readonly order: {
      readonly id: string;
      readonly status: OrderStatus;
      readonly previousStatus: OrderStatus;
    };
    /** The sub-order whose transition changed the order's status, when one did. */
    readonly factoryOrder: {
      readonly id: string;
      readonly factoryId: string;
      readonly status: FactoryOrderStatus;
      readonly previousStatus: FactoryOrderStatus;
    } | null;
  }
>;

export type WebhookEvent = FactoryOrderCreatedEvent | OrderStatusChangedEvent;
export type WebhookEventType = WebhookEvent['type'];

// ---------------------------------------------------------------------------------------------
// Status rules

/**
 * The parent order's status from its sub-orders' statuses, first rule that applies:
 * 1. every sub-order shipped → `shipped`;
 * 2. some shipped → `partially_shipped`;
 * 3. every sub-order accepted (none shipped) → `accepted`;
 * 4. some accepted → `partially_accepted`;
 * 5. every sub-order rejected → `rejected`;
 * 6. otherwise (some still placed, the rest rejected) → `placed`.
 * A rejected sub-order counts as neither accepted nor shipped, so an order with a rejected part
 * never reaches `accepted` or `shipped`: it can end as `partially_shipped` (or `partially_accepted`),
 * which then means "the rest will not come" — the sub-orders tell which part.
 * It is `rejected` only when every part is. No sub-orders at all → `placed`.
 */
export function deriveOrderStatus(subStatuses: readonly FactoryOrderStatus[]): OrderStatus {
  const n = subStatuses.length;
  const count = (s: FactoryOrderStatus): number => subStatuses.filter((x) => x === s).length;
  const shipped = count('shipped');
  const accepted = count('accepted');
  const rejected = count('rejected');
  if (n === 0) return 'placed';
  if (shipped === n) return 'shipped';
  if (shipped > 0) return 'partially_shipped';
  if (accepted === n) return 'accepted';
  if (accepted > 0) return 'partially_accepted';
  if (rejected === n) return 'rejected';
  return 'placed';
}

export type FactoryOrderAction = 'accept' | 'reject' | 'ship';

export type FactoryOrderTransition =
  | { readonly ok: true; readonly next: FactoryOrderStatus; readonly changed: boolean }
  | { readonly ok: false; readonly code: 'invalid_transition'; readonly message: string };

/**
 * What an action does to a sub-order:
 *
 * | current \ action | accept            | reject            | ship              |
 * |------------------|-------------------|-------------------|-------------------|
 * | placed           | accepted          | rejected          | invalid           |
 * | accepted         | accepted (no-op)  | invalid           | shipped           |
 * | rejected         | invalid           | rejected (no-op)  | invalid           |
 * | shipped          | invalid           | invalid           | shipped (no-op)   |
 *
 * A repeated `ship` is a no-op here; whether it carries the same tracking number (else 409)
 * is for the server to check. The server answers `invalid_transition` with 409.
 */
export function transitionFactoryOrder(
  current: FactoryOrderStatus,
  action: FactoryOrderAction,
): FactoryOrderTransition {
  const target: Record<FactoryOrderAction, { from: FactoryOrderStatus; to: FactoryOrderStatus }> = {
    accept: { from: 'placed', to: 'accepted' },
    reject: { from: 'placed', to: 'rejected' },
    ship: { from: 'accepted', to: 'shipped' },
  };
  const rule = (target as Partial<typeof target>)[action];
  if (!rule) return { ok: false, code: 'invalid_transition', message: `unknown action ${String(action)}` };
  if (current === rule.to) return { ok: true, next: current, changed: false };
  if (current === rule.from) return { ok: true, next: rule.to, changed: true };
  return {
    ok: false,
    code: 'invalid_transition',
    message: `cannot ${action} a factory order that is ${current}`,
  };
}
