/**
 * `POST /v1/quotes` `{ lines: [{ skuId, quantity }], shipTo?: { country, region? } }` → the core's
 * `quote()` result; with `shipTo`, also `routing`: which factories would make the priced lines and
 * when they would ship, by `routeOrder()` with the factories' real queues and the store's date —
 * the order form's routing preview, so the routing code stays out of the browser.
 */
import { Hono } from 'hono';
import {
  parseWith,
  quote,
  routeOrder,
  QuoteRequestSchema,
  type Catalog,
  type FieldIssue,
  type Quote,
  type RoutingPreview,
} from '@chainkit/core';
import type { AppDeps, AppEnv } from '../app-types.js';
import { requireCatalog } from '../catalog/require-catalog.js';
import { requirePrincipal } from '../http/auth.js';
import { readJson } from '../http/body.js';
import { invalidRequest } from '../http/errors.js';
import { queuedUnits } from '../orders/place-order.js';
import { dayInTimeZone } from '../util/dates.js';

interface PreviewShipTo {
  readonly country: string;
  readonly region: string;
}

/** `shipTo` of a quote request: absent, or a two-letter country and an optional region. */
function parseShipTo(body: unknown): PreviewShipTo | undefined | FieldIssue[] {
  const shipTo = (body as { shipTo?: unknown } | null)?.shipTo;
  if (shipTo === undefined) return undefined;
  const { country, region = '' } = (shipTo ?? {}) as { country?: unknown; region?: unknown };
  const issues: FieldIssue[] = [];
  if (typeof country !== 'string' || !/^[A-Za-z]{2}$/.test(country.trim())) {
    issues.push({ path: 'shipTo.country', message: 'shipTo.country must be a two-letter country code' });
  }
  if (typeof region !== 'string' || region.length > 100) {
    issues.push({
      path: 'shipTo.region',
      message: 'shipTo.region must be a string of at most 100 characters',
    });
  }
  if (issues.length > 0) return issues;
  return { country: (country as string).trim().toUpperCase(), region: (region as string).trim() };
}

function preview(
  catalog: Catalog,
  priced: Quote,
  shipTo: PreviewShipTo,
  orderDate: string,
  queued: Record<string, number>,
): RoutingPreview {
  const result = routeOrder({ catalog, lines: priced.lines, shipTo, orderDate, queuedUnits: queued });
  const names = new Map(catalog.factories.map((factory) => [factory.id, factory.name]));
  return {
    rows: result.factoryOrders.map((order) => ({
      factoryId: order.factoryId,
      factoryName: names.get(order.factoryId) ?? order.factoryId,
      units: order.lines.reduce((sum, line) => sum + line.quantity, 0),
      subtotal: order.subtotal,
      estimatedShipDate: order.estimatedShipDate,
    })),
    unassignedUnits: result.unassigned.reduce((sum, line) => sum + line.quantity, 0),
  };
}

export function quotesRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    requirePrincipal(c.get('principal'), ['publishable', 'secret']);
    const body = await readJson(c);
    const parsed = parseWith(QuoteRequestSchema, body);
    const shipTo = parseShipTo(body);
    const issues = [...(parsed.ok ? [] : parsed.issues), ...(Array.isArray(shipTo) ? shipTo : [])];
    if (!parsed.ok || Array.isArray(shipTo)) throw invalidRequest(issues);
    const { catalog } = await requireCatalog(deps.catalogs, deps.db);
    const result: Quote = quote(catalog, parsed.value.lines);
    if (!shipTo) return c.json(result);
    const orderDate = dayInTimeZone(deps.clock(), deps.store.timeZone);
    return c.json({
      ...result,
      routing: preview(catalog, result, shipTo, orderDate, await queuedUnits(deps.db)),
    });
  });

  return app;
}
