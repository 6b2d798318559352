import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import type { CatalogCache, CurrentCatalog } from './current-catalog.js';

/** The current catalog, or 503 `catalog_unavailable` when none was imported yet. */
export async function requireCatalog(catalogs: CatalogCache, q: Queryable): Promise<CurrentCatalog> {
  const current = await catalogs.current(q);
  if (!current) {
    throw new ApiError(
      'catalog_unavailable',
      'No catalog has been imported yet; run "chainkit import --store FILE"',
    );
  }
  return current;
}
