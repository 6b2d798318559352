/**
 * Database rows → API shapes (`@chainkit/core` api-types), in one place so every endpoint
 * and webhook describes an order the same way.
 */
import {
  deriveOrderStatus,
  type FactoryOrderReason,
  type FactoryOrderStatus,
  type FactoryOrderView,
  type LineRoutingReason,
  type OrderLine,
  type OrderStatus,
  type ShipTo,
} from '@chainkit/core';

export interface FactoryOrderRow {
  id: string;
  order_id: string;
  seq: number;
  factory_id: string;
  status: FactoryOrderStatus;
  lines: OrderLine[];
  units: number;
  subtotal: number;
  estimated_ship_date: string;
  reason: unknown;
  carrier: string | null;
  tracking_number: string | null;
  shipped_at: Date | null;
  reject_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface OrderRow {
  id: string;
  status: OrderStatus;
  currency: string;
  total: number;
  access_token_hash: string;
  buyer: StoredBuyer;
  ship_to: ShipTo;
  note: string | null;
  lines: unknown;
  catalog_version: number;
  scope: string;
  created_at: Date;
  updated_at: Date;
}

export interface StoredBuyer {
  readonly name: string;
  readonly phone: string;
  readonly email?: string;
  readonly company?: string;
}

export const FACTORY_ORDER_COLUMNS = `id, order_id, seq, factory_id, status, lines, units, subtotal,
  estimated_ship_date, reason, carrier, tracking_number, shipped_at, reject_reason, created_at, updated_at`;

export const ORDER_COLUMNS = `id, status, currency, total, access_token_hash, buyer, ship_to, note, lines,
  catalog_version, scope, created_at, updated_at`;

export function factoryOrderView(row: FactoryOrderRow): FactoryOrderView {
  return {
    id: row.id,
    factoryId: row.factory_id,
    lines: row.lines.map((line) => ({
      skuId: line.skuId,
      offerId: line.offerId,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineTotal: line.lineTotal,
    })),
    subtotal: row.subtotal,
    estimatedShipDate: row.estimated_ship_date,
    status: row.status,
    shipment:
      row.status === 'shipped' && row.carrier !== null && row.tracking_number !== null
        ? {
            carrier: row.carrier,
            trackingNumber: row.tracking_number,
            shippedAt: (row.shipped_at ?? row.updated_at).toISOString(),
          }
        : null,
    rejectionReason: row.status === 'rejected' ? row.reject_reason : null,
  };
}

/** The buyer-contact part a factory needs to ship (no e-mail). */
export function buyerForFactory(buyer: StoredBuyer): { name: string; phone: string; company?: string } {
  return {
    name: buyer.name,
    phone: buyer.phone,
    ...(buyer.company !== undefined ? { company: buyer.company } : {}),
  };
}

/** `GET /v1/orders/:id` and the admin list: the order without its access token. */
export interface OrderView {
  readonly id: string;
  readonly status: OrderStatus;
  readonly currency: string;
  readonly total: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly factoryOrders: readonly FactoryOrderView[];
}

/**
 * Why a sub-order went to its factory, as `routeOrder` explained it when the order was placed
 * (stored with the sub-order): the sub-order's summary and one entry per line with the figures
 * behind the choice (ship date, queue, capacity, runner-up, split).
 */
export interface RoutingExplanation extends FactoryOrderReason {
  readonly lines: readonly LineRoutingReason[];
}

/** A sub-order as the chain master sees it: with the reason it was routed where it was. */
export interface AdminFactoryOrderView extends FactoryOrderView {
  readonly routing: RoutingExplanation | null;
}

/** What the secret key sees in addition: the buyer's details, as entered, and the routing reasons. */
export interface AdminOrderView extends Omit<OrderView, 'factoryOrders'> {
  readonly factoryOrders: readonly AdminFactoryOrderView[];
  readonly buyer: StoredBuyer;
  readonly shipTo: ShipTo;
  readonly note: string | null;
}

/**
 * The order as the API shows it. Its status is derived from the sub-orders shown rather than
 * read from the order row: the two are read in separate statements, and a factory may change a
 * sub-order between them, so this keeps every response self-consistent.
 */
export function orderView(order: OrderRow, factoryOrders: readonly FactoryOrderRow[]): OrderView {
  return {
    id: order.id,
    status: factoryOrders.length > 0 ? deriveOrderStatus(factoryOrders.map((fo) => fo.status)) : order.status,
    currency: order.currency,
    total: order.total,
    createdAt: order.created_at.toISOString(),
    updatedAt: order.updated_at.toISOString(),
    factoryOrders: [...factoryOrders].sort((a, b) => a.seq - b.seq).map(factoryOrderView),
  };
}

/** The stored reason when it has the shape routing writes; `null` for anything else. */
function routingExplanation(reason: unknown): RoutingExplanation | null {
  if (typeof reason !== 'object' || reason === null) return null;
  const { code, text, lines } = reason as Partial<RoutingExplanation>;
  if (typeof code !== 'string' || typeof text !== 'string' || !Array.isArray(lines)) return null;
  return { code, text, lines };
}

export function adminOrderView(order: OrderRow, factoryOrders: readonly FactoryOrderRow[]): AdminOrderView {
  const base = orderView(order, factoryOrders);
  const reasons = new Map(factoryOrders.map((row) => [row.id, routingExplanation(row.reason)]));
  return {
    ...base,
    factoryOrders: base.factoryOrders.map((view) => ({ ...view, routing: reasons.get(view.id) ?? null })),
    buyer: order.buyer,
    shipTo: order.ship_to,
    note: order.note,
  };
}
