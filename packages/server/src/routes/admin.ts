/**
 * Admin, with the secret key:
 * - `GET /v1/admin/orders?status=&cursor=&limit=`: orders newest first, with buyer details;
 * - `GET /v1/admin/webhooks/dead?cursor=&limit=`: webhook messages that exhausted their attempts;
 * - `POST /v1/admin/webhooks/:id/replay`: puts a dead (or delivered) message back in the queue,
 *   attempts 0, due now; a message still pending → 409 `webhook_pending`.
 */
import { Hono } from 'hono';
import { ORDER_STATUSES, type OrderStatus } from '@chainkit/core';
import type { AppDeps, AppEnv } from '../app-types.js';
import { replayMessage } from '../dispatch/dispatcher.js';
import { requirePrincipal } from '../http/auth.js';
import { ApiError, invalidRequest } from '../http/errors.js';
import { decodeCursor, encodeCursor, parseLimit } from '../http/paging.js';
import {
  adminOrderView,
  FACTORY_ORDER_COLUMNS,
  ORDER_COLUMNS,
  type FactoryOrderRow,
  type OrderRow,
} from '../orders/views.js';

export interface DeadWebhook {
  readonly id: string;
  readonly destination: 'factory' | 'merchant';
  readonly factoryId: string | null;
  readonly orderId: string | null;
  readonly eventType: string;
  readonly attempts: number;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly createdAt: string;
}

interface OutboxRow {
  id: string;
  destination: 'factory' | 'merchant';
  factory_id: string | null;
  order_id: string | null;
  event_type: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  cursor_at: string;
}

export function adminRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    requirePrincipal(c.get('principal'), ['secret']);
    await next();
  });

  app.get('/orders', async (c) => {
    const rawStatus = c.req.query('status');
    let status: OrderStatus | null = null;
    if (rawStatus !== undefined && rawStatus !== '') {
      if (!(ORDER_STATUSES as readonly string[]).includes(rawStatus)) {
        throw invalidRequest([
          { path: 'status', message: `status must be one of ${ORDER_STATUSES.join(', ')}` },
        ]);
      }
      status = rawStatus as OrderStatus;
    }
    const limit = parseLimit(c.req.query('limit'));
    const cursor = decodeCursor(c.req.query('cursor'), ['t', 's'] as const);
    const { rows } = await deps.db.query<OrderRow & { cursor_at: string }>(
      `select ${ORDER_COLUMNS}, created_at::text as cursor_at from orders
        where ($1::text is null or status = $1)
          and ($2::timestamptz is null or (created_at, id) < ($2::timestamptz, $3::text))
        order by created_at desc, id desc
        limit $4`,
      [status, cursor ? cursor[0] : null, cursor ? cursor[1] : null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const subOrders = page.length
      ? (
          await deps.db.query<FactoryOrderRow>(
            `select ${FACTORY_ORDER_COLUMNS} from factory_orders
              where order_id in (select jsonb_array_elements_text($1::jsonb))
              order by order_id, seq`,
            [JSON.stringify(page.map((row) => row.id))],
          )
        ).rows
      : [];
    const last = page.at(-1);
    return c.json({
      data: page.map((order) =>
        adminOrderView(
          order,
          subOrders.filter((fo) => fo.order_id === order.id),
        ),
      ),
      nextCursor: rows.length > limit && last ? encodeCursor([last.cursor_at, last.id]) : null,
    });
  });

  app.get('/webhooks/dead', async (c) => {
    const limit = parseLimit(c.req.query('limit'));
    const cursor = decodeCursor(c.req.query('cursor'), ['t', 's'] as const);
    const { rows } = await deps.db.query<OutboxRow>(
      `select id, destination, factory_id, order_id, event_type, attempts, last_status, last_error, created_at,
              created_at::text as cursor_at
         from outbox
        where status = 'dead'
          and ($1::timestamptz is null or (created_at, id) < ($1::timestamptz, $2::text))
        order by created_at desc, id desc
        limit $3`,
      [cursor ? cursor[0] : null, cursor ? cursor[1] : null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const data: DeadWebhook[] = page.map((row) => ({
      id: row.id,
      destination: row.destination,
      factoryId: row.factory_id,
      orderId: row.order_id,
      eventType: row.event_type,
      attempts: row.attempts,
      lastStatus: row.last_status,
      lastError: row.last_error,
      createdAt: row.created_at.toISOString(),
    }));
    return c.json({
      data,
      nextCursor: rows.length > limit && last ? encodeCursor([last.cursor_at, last.id]) : null,
    });
  });

  app.post('/webhooks/:id/replay', async (c) => {
    const id = c.req.param('id');
    const result = await replayMessage(deps.db, id, deps.clock());
    if (result === 'not_found') throw new ApiError('not_found', 'No webhook message with this id');
    if (result === 'pending') {
      throw new ApiError(
        'webhook_pending',
        'This message is still queued for delivery; only dead or delivered messages can be replayed',
      );
    }
    return c.json({ id, status: 'pending' as const });
  });

  return app;
}
