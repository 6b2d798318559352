/**
 * The current catalog, cached in memory per version. Each use costs one indexed lookup of
 * the newest version number, so every instance sharing a database serves a new import
 * from its next request on; the document itself is read only when the version changed.
 */
import type { Catalog, Offer } from '@chainkit/core';
import type { Queryable } from '../db/database.js';

export interface CurrentCatalog {
  readonly version: number;
  readonly catalog: Catalog;
  /** Offers by id. */
  readonly offers: ReadonlyMap<string, Offer>;
}

export class CatalogCache {
  #cached: CurrentCatalog | null = null;

  /** The current catalog as seen by `q` (pass a transaction to read it inside one), or `null` before any import. */
  async current(q: Queryable): Promise<CurrentCatalog | null> {
    const latest = await q.query<{ version: number }>(
      `select version from catalog_versions order by version desc limit 1`,
    );
    const version = latest.rows[0]?.version;
    if (version === undefined) return null;
    if (this.#cached?.version === version) return this.#cached;
    const loaded = await q.query<{ doc: Catalog }>(`select doc from catalog_versions where version = $1`, [
      version,
    ]);
    const catalog = loaded.rows[0]?.doc;
    if (!catalog) return null;
    const entry: CurrentCatalog = {
      version,
      catalog,
      offers: new Map(catalog.offers.map((offer) => [offer.id, offer])),
    };
    // Keep the newest one only: an older version read by a slow request must not replace it.
    if (!this.#cached || this.#cached.version < version) this.#cached = entry;
    return entry;
  }
}
