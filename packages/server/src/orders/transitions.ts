/**
 * A factory's accept / reject / ship of one of its sub-orders, in one transaction:
 * lock the parent order and the sub-order (`for update`), apply the core's transition
 * table, recompute the parent's status from all its sub-orders with `deriveOrderStatus`,
 * and — when a merchant webhook is configured — write an `order.status_changed` outbox
 * message in the same transaction.
 *
 * - A sub-order of another factory, or an unknown id → 404 (no hint that it exists).
 * - An invalid transition (ship before accept, accept after reject, …) → 409 `invalid_transition`.
 * - Repeating the transition that already happened is a no-op: 200 with the current state,
 *   nothing written. Repeating `ship` with a different carrier or tracking number, or `reject`
 *   with a different reason → 409.
 * - The merchant gets one message per sub-order change (not only when the parent's status
 *   moves: the second of three shipments leaves it `partially_shipped`, as the first did, and
 *   is still news).
 */
import {
  deriveOrderStatus,
  newMessageId,
  transitionFactoryOrder,
  type FactoryOrderAction,
  type FactoryOrderStatus,
  type OrderStatus,
  type OrderStatusChangedEvent,
} from '@chainkit/core';
import type { AppDeps } from '../app-types.js';
import { ApiError } from '../http/errors.js';
import { FACTORY_ORDER_COLUMNS, ORDER_COLUMNS, type FactoryOrderRow, type OrderRow } from './views.js';

export type TransitionRequest =
  | { readonly action: 'accept' }
  | { readonly action: 'reject'; readonly reason: string }
  | { readonly action: 'ship'; readonly carrier: string; readonly trackingNumber: string };

export interface TransitionResult {
  readonly order: OrderRow;
  readonly factoryOrder: FactoryOrderRow;
  /** False for a repeated transition (nothing was written). */
  readonly changed: boolean;
}

/** The statuses whose units count in a factory's queue. */
const QUEUED: ReadonlySet<FactoryOrderStatus> = new Set(['placed', 'accepted']);

export async function applyFactoryTransition(
  deps: AppDeps,
  factoryId: string,
  factoryOrderId: string,
  request: TransitionRequest,
): Promise<TransitionResult> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock();
    const notFound = (): ApiError =>
      new ApiError('not_found', 'No factory order with this id for this factory');
    const owner = await tx.query<{ order_id: string }>(
      `select order_id from factory_orders where id = $1 and factory_id = $2`,
      [factoryOrderId, factoryId],
    );
    const orderId = owner.rows[0]?.order_id;
    if (orderId === undefined) throw notFound();

    // Parent first, then the sub-order: every transition locks in this order, so concurrent
    // transitions of sibling sub-orders serialize on the parent and each sees the others.
    const orderRows = await tx.query<OrderRow>(
      `select ${ORDER_COLUMNS} from orders where id = $1 for update`,
      [orderId],
    );
    const order = orderRows.rows[0];
    const foRows = await tx.query<FactoryOrderRow>(
      `select ${FACTORY_ORDER_COLUMNS} from factory_orders where id = $1 and factory_id = $2 for update`,
      [factoryOrderId, factoryId],
    );
    const current = foRows.rows[0];
    if (!order || !current) throw notFound();

    const action: FactoryOrderAction = request.action;
    const transition = transitionFactoryOrder(current.status, action);
    if (!transition.ok) {
      throw new ApiError('invalid_transition', `Cannot ${action} a factory order that is ${current.status}`, {
        status: current.status,
        action,
      });
    }
    if (!transition.changed) {
      if (
        request.action === 'ship' &&
        (current.carrier !== request.carrier || current.tracking_number !== request.trackingNumber)
      ) {
        throw new ApiError(
          'invalid_transition',
          'This factory order was already shipped with another carrier or tracking number',
          { status: current.status, action },
        );
      }
      // A 200 would tell the factory its new reason was recorded: the buyer sees the first one.
      if (request.action === 'reject' && current.reject_reason !== request.reason) {
        throw new ApiError(
          'invalid_transition',
          'This factory order was already rejected with another reason',
          {
            status: current.status,
            action,
          },
        );
      }
      return { order, factoryOrder: current, changed: false };
    }

    const next: FactoryOrderStatus = transition.next;
    const updated = await tx.query<FactoryOrderRow>(
      `update factory_orders
          set status = $2, updated_at = $3,
              carrier = coalesce($4, carrier), tracking_number = coalesce($5, tracking_number),
              shipped_at = case when $2 = 'shipped' then $3 else shipped_at end,
              reject_reason = coalesce($6, reject_reason)
        where id = $1
        returning ${FACTORY_ORDER_COLUMNS}`,
      [
        current.id,
        next,
        now,
        request.action === 'ship' ? request.carrier : null,
        request.action === 'ship' ? request.trackingNumber : null,
        request.action === 'reject' ? request.reason : null,
      ],
    );
    const factoryOrder = updated.rows[0];
    if (!factoryOrder) throw notFound();
    if (QUEUED.has(current.status) && !QUEUED.has(next)) {
      // Shipped or rejected: its units leave the factory's queue (see migrations/002).
      await tx.query(`update factory_queues set units = units - $2 where factory_id = $1`, [
        current.factory_id,
        current.units,
      ]);
    }

    const siblings = await tx.query<{ status: FactoryOrderStatus }>(
      `select status from factory_orders where order_id = $1 order by seq`,
      [orderId],
    );
    const previousStatus: OrderStatus = order.status;
    const status = deriveOrderStatus(siblings.rows.map((row) => row.status));
    const orderUpdate = await tx.query<OrderRow>(
      `update orders set status = $2, updated_at = $3 where id = $1 returning ${ORDER_COLUMNS}`,
      [orderId, status, now],
    );
    const updatedOrder = orderUpdate.rows[0] ?? order;

    if (deps.store.webhooks.merchant) {
      const event: OrderStatusChangedEvent = {
        type: 'order.status_changed',
        timestamp: now.toISOString(),
        data: {
          order: { id: orderId, status, previousStatus },
          factoryOrder: {
            id: factoryOrder.id,
            factoryId: factoryOrder.factory_id,
            status: next,
            previousStatus: current.status,
          },
        },
      };
      await tx.query(
        `insert into outbox (id, destination, factory_id, order_id, event_type, payload, status, attempts,
                             next_attempt_at, created_at)
         values ($1, 'merchant', null, $2, $3, $4, 'pending', 0, $5, $5)`,
        [newMessageId(), orderId, event.type, JSON.stringify(event), now],
      );
    }
    return { order: updatedOrder, factoryOrder, changed: true };
  });
}
