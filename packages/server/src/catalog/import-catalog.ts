/**
 * Imports a catalog: a new `catalog_versions` row and the `offers` table rewritten from it,
 * in one transaction. Orders, sub-orders and the outbox are untouched (orders keep the
 * catalog version they were priced with). Running instances notice the new version on their
 * next request (see `current-catalog.ts`).
 */
import type { Catalog } from '@chainkit/core';
import type { Database } from '../db/database.js';
import { canonicalJson } from '../util/canonical-json.js';
import { sha256Hex } from '../util/crypto.js';
import { searchTextOf } from './search-text.js';

export interface ImportCatalogOptions {
  /** Skip the import when the current version already holds this exact catalog (default false). */
  readonly onlyIfChanged?: boolean;
}

export interface ImportCatalogResult {
  /** The current version after the call. */
  readonly version: number;
  /** False when `onlyIfChanged` found the catalog unchanged. */
  readonly changed: boolean;
  readonly offers: number;
}

/** Imports `catalog` (already validated, without secrets) as the new current version. */
export async function importCatalog(
  db: Database,
  catalog: Catalog,
  options: ImportCatalogOptions = {},
): Promise<ImportCatalogResult> {
  // Stored as written (key order is meaningful to people: attribute axes, locales);
  // compared by the digest of its canonical form.
  const doc = JSON.stringify(catalog);
  const digest = await sha256Hex(canonicalJson(catalog));
  const rows = catalog.offers.map((offer, position) => ({
    id: offer.id,
    position,
    category: offer.category,
    search_text: searchTextOf(offer.title),
    doc: offer,
  }));
  return db.transaction(async (tx) => {
    // Concurrent imports (two `chainkit import` runs, two instances starting) take turns.
    await tx.query(`select pg_advisory_xact_lock(hashtext('chainkit.catalog'), hashtext(current_schema()))`);
    if (options.onlyIfChanged) {
      const current = await tx.query<{ version: number; digest: string }>(
        `select version, digest from catalog_versions order by version desc limit 1`,
      );
      const row = current.rows[0];
      if (row && row.digest === digest) return { version: row.version, changed: false, offers: rows.length };
    }
    const inserted = await tx.query<{ version: number }>(
      `insert into catalog_versions (doc, digest) values ($1::json, $2) returning version`,
      [doc, digest],
    );
    const version = inserted.rows[0]?.version;
    if (version === undefined) throw new Error('catalog version was not created');
    await tx.query(`delete from offers`);
    await tx.query(
      `insert into offers (id, position, category, search_text, doc, catalog_version)
       select x.id, x.position, x.category, x.search_text, x.doc, $2
         from json_to_recordset($1::json) as x(id text, position integer, category text, search_text text, doc json)`,
      [JSON.stringify(rows), version],
    );
    return { version, changed: true, offers: rows.length };
  });
}
