/**
 * `GET /v1/factories` (publishable or secret key): the public facts of the store's factories —
 * `{ id, name, region, dailyCapacity, leadTimeDays }` — for the order form's routing preview.
 * Never their keys, webhook endpoints or secrets.
 */
import { Hono } from 'hono';
import type { Factory } from '@chainkit/core';
import type { AppDeps, AppEnv } from '../app-types.js';
import { requireCatalog } from '../catalog/require-catalog.js';
import { requirePrincipal } from '../http/auth.js';

export interface FactoryListResponse {
  readonly data: readonly Factory[];
}

export function factoriesRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    requirePrincipal(c.get('principal'), ['publishable', 'secret']);
    const { catalog } = await requireCatalog(deps.catalogs, deps.db);
    const body: FactoryListResponse = {
      // Copy the public fields only, whatever else a catalog document may carry.
      data: catalog.factories.map(({ id, name, region, dailyCapacity, leadTimeDays }) => ({
        id,
        name,
        region,
        dailyCapacity,
        leadTimeDays,
      })),
    };
    return c.json(body);
  });

  return app;
}
