/**
 * `POST /v1/orders` (publishable or secret key, `Idempotency-Key` header) and
 * `GET /v1/orders/:id` (the order's access token, or the secret key).
 *
 * Reading an order with a token that is not that order's (or an unknown id) is 404, the
 * same answer as for a missing order, so a token never confirms that another order exists.
 * A publishable or factory key gets 401: it cannot read orders.
 */
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps, AppEnv } from '../app-types.js';
import { requirePrincipal } from '../http/auth.js';
import { readJson } from '../http/body.js';
import { ApiError } from '../http/errors.js';
import { checkIdempotencyKey } from '../orders/idempotency.js';
import { placeOrder } from '../orders/place-order.js';
import {
  adminOrderView,
  FACTORY_ORDER_COLUMNS,
  ORDER_COLUMNS,
  orderView,
  type FactoryOrderRow,
  type OrderRow,
} from '../orders/views.js';
import { sha256Hex, timingSafeEqualText } from '../util/crypto.js';

export function ordersRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    const principal = requirePrincipal(c.get('principal'), ['publishable', 'secret']);
    const idempotencyKey = checkIdempotencyKey(c.req.header('idempotency-key'));
    const body = await readJson(c);
    const result = await placeOrder(deps, {
      scope: principal.kind === 'publishable' ? principal.key : 'secret',
      idempotencyKey,
      body,
    });
    c.header('Content-Type', 'application/json');
    if (result.replayed) c.header('Idempotency-Replayed', 'true');
    return c.body(result.body, result.status as ContentfulStatusCode);
  });

  app.get('/:id', async (c) => {
    const principal = requirePrincipal(c.get('principal'), ['order_token', 'secret']);
    const id = c.req.param('id');
    const notFound = (): ApiError => new ApiError('not_found', 'No order with this id for this access token');
    const orders = await deps.db.query<OrderRow>(`select ${ORDER_COLUMNS} from orders where id = $1`, [id]);
    const order = orders.rows[0];
    if (principal.kind === 'order_token') {
      // Hash even when the order is missing, so timing doesn't tell the two cases apart.
      const hash = await sha256Hex(principal.token);
      const matches = await timingSafeEqualText(hash, order?.access_token_hash ?? '');
      if (!order || !matches) throw notFound();
    } else if (!order) {
      throw new ApiError('not_found', 'No order with this id');
    }
    const subOrders = await deps.db.query<FactoryOrderRow>(
      `select ${FACTORY_ORDER_COLUMNS} from factory_orders where order_id = $1 order by seq`,
      [id],
    );
    return c.json(
      principal.kind === 'secret' ? adminOrderView(order, subOrders.rows) : orderView(order, subOrders.rows),
    );
  });

  return app;
}
