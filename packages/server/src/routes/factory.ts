/**
 * The factory API, with the factory's `fk_` key: its own sub-orders only.
 * - `GET /v1/factory/orders?status=&cursor=&limit=`: newest first, with the ship-to address
 *   and buyer contact the factory needs to ship (drop-shipping);
 * - `POST /v1/factory/orders/:id/accept`, `…/reject { reason }`, `…/ship { carrier, trackingNumber }`.
 */
import { Hono } from 'hono';
import {
  FACTORY_ORDER_STATUSES,
  FactoryRejectSchema,
  FactoryShipSchema,
  parseWith,
  type FactoryOrderStatus,
  type FactoryOrderView,
  type OrderStatus,
  type ShipTo,
} from '@chainkit/core';
import type { AppDeps, AppEnv, AppContext } from '../app-types.js';
import { requirePrincipal } from '../http/auth.js';
import { readJson } from '../http/body.js';
import { invalidRequest } from '../http/errors.js';
import { decodeCursor, encodeCursor, parseLimit } from '../http/paging.js';
import { applyFactoryTransition, type TransitionRequest } from '../orders/transitions.js';
import {
  buyerForFactory,
  FACTORY_ORDER_COLUMNS,
  factoryOrderView,
  type FactoryOrderRow,
  type StoredBuyer,
} from '../orders/views.js';

/** A sub-order as its factory sees it. */
export interface FactoryOrderItem extends FactoryOrderView {
  readonly orderId: string;
  readonly orderStatus: OrderStatus;
  readonly currency: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly shipTo: ShipTo;
  readonly buyer: { readonly name: string; readonly phone: string; readonly company?: string };
  readonly note: string | null;
}

interface ItemRow extends FactoryOrderRow {
  /** `created_at` as PostgreSQL text: full microsecond precision for the cursor. */
  cursor_at: string;
  order_status: OrderStatus;
  currency: string;
  ship_to: ShipTo;
  buyer: StoredBuyer;
  note: string | null;
}

const ITEM_SELECT = `select ${FACTORY_ORDER_COLUMNS.split(',')
  .map((column) => `fo.${column.trim()}`)
  .join(
    ', ',
  )}, fo.created_at::text as cursor_at, o.status as order_status, o.currency, o.ship_to, o.buyer, o.note
  from factory_orders fo join orders o on o.id = fo.order_id`;

function item(row: ItemRow): FactoryOrderItem {
  return {
    ...factoryOrderView(row),
    orderId: row.order_id,
    orderStatus: row.order_status,
    currency: row.currency,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    shipTo: row.ship_to,
    buyer: buyerForFactory(row.buyer),
    note: row.note,
  };
}

export function factoryRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/orders', async (c) => {
    const { factoryId } = requirePrincipal(c.get('principal'), ['factory']);
    const rawStatus = c.req.query('status');
    let status: FactoryOrderStatus | null = null;
    if (rawStatus !== undefined && rawStatus !== '') {
      if (!(FACTORY_ORDER_STATUSES as readonly string[]).includes(rawStatus)) {
        throw invalidRequest([
          { path: 'status', message: `status must be one of ${FACTORY_ORDER_STATUSES.join(', ')}` },
        ]);
      }
      status = rawStatus as FactoryOrderStatus;
    }
    const limit = parseLimit(c.req.query('limit'));
    const cursor = decodeCursor(c.req.query('cursor'), ['t', 's'] as const);
    const { rows } = await deps.db.query<ItemRow>(
      `${ITEM_SELECT}
        where fo.factory_id = $1
          and ($2::text is null or fo.status = $2)
          and ($3::timestamptz is null or (fo.created_at, fo.id) < ($3::timestamptz, $4::text))
        order by fo.created_at desc, fo.id desc
        limit $5`,
      [factoryId, status, cursor ? cursor[0] : null, cursor ? cursor[1] : null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return c.json({
      data: page.map(item),
      nextCursor: rows.length > limit && last ? encodeCursor([last.cursor_at, last.id]) : null,
    });
  });

  const transition = async (c: AppContext, request: TransitionRequest): Promise<Response> => {
    const { factoryId } = requirePrincipal(c.get('principal'), ['factory']);
    const id = c.req.param('id') ?? '';
    await applyFactoryTransition(deps, factoryId, id, request);
    const { rows } = await deps.db.query<ItemRow>(`${ITEM_SELECT} where fo.id = $1 and fo.factory_id = $2`, [
      id,
      factoryId,
    ]);
    const row = rows[0];
    if (!row) throw new Error('factory order vanished after its transition');
    return c.json(item(row));
  };

  app.post('/orders/:id/accept', async (c) => {
    requirePrincipal(c.get('principal'), ['factory']);
    return transition(c, { action: 'accept' });
  });

  app.post('/orders/:id/reject', async (c) => {
    requirePrincipal(c.get('principal'), ['factory']);
    const parsed = parseWith(FactoryRejectSchema, await readJson(c));
    if (!parsed.ok) throw invalidRequest(parsed.issues);
    return transition(c, { action: 'reject', reason: parsed.value.reason });
  });

  app.post('/orders/:id/ship', async (c) => {
    requirePrincipal(c.get('principal'), ['factory']);
    const parsed = parseWith(FactoryShipSchema, await readJson(c));
    if (!parsed.ok) throw invalidRequest(parsed.issues);
    return transition(c, {
      action: 'ship',
      carrier: parsed.value.carrier,
      trackingNumber: parsed.value.trackingNumber,
    });
  });

  return app;
}
