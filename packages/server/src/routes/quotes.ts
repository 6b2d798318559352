/** `POST /v1/quotes` `{ lines: [{ skuId, quantity }], currency? }` → exactly the core's `quote()` result. */
import { Hono } from 'hono';
import { parseWith, quote, QuoteRequestSchema, type Quote } from '@chainkit/core';
import type { AppDeps, AppEnv } from '../app-types.js';
import { requireCatalog } from '../catalog/require-catalog.js';
import { requirePrincipal } from '../http/auth.js';
import { readJson } from '../http/body.js';
import { invalidRequest } from '../http/errors.js';

export function quotesRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    requirePrincipal(c.get('principal'), ['publishable', 'secret']);
    const parsed = parseWith(QuoteRequestSchema, await readJson(c));
    if (!parsed.ok) throw invalidRequest(parsed.issues);
    const { catalog } = await requireCatalog(deps.catalogs, deps.db);
    const result: Quote = quote(catalog, parsed.value.lines);
    return c.json(result);
  });

  return app;
}
