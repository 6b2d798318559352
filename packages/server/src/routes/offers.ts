/**
 * `GET /v1/offers?q=&category=&cursor=&limit=` and `GET /v1/offers/:id` (publishable or secret key).
 *
 * Listing is in catalog order, paged by position with an opaque cursor. `q` matches any
 * locale's title, case-insensitively after NFKC folding (full-width letters match ASCII);
 * `category` is exact.
 */
import { Hono } from 'hono';
import type { Factory, Offer } from '@chainkit/core';
import type { AppDeps, AppEnv } from '../app-types.js';
import { requireCatalog } from '../catalog/require-catalog.js';
import { foldForSearch } from '../catalog/search-text.js';
import { requirePrincipal } from '../http/auth.js';
import { ApiError } from '../http/errors.js';
import { decodeCursor, encodeCursor, parseLimit, queryText } from '../http/paging.js';

export interface OfferListResponse {
  readonly currency: string;
  readonly data: readonly Offer[];
  /** Pass as `cursor` for the next page; `null` on the last page. */
  readonly nextCursor: string | null;
}

export interface OfferResponse {
  readonly currency: string;
  readonly offer: Offer;
  /** The public facts of the factories that make this offer (for the routing preview). */
  readonly factories: readonly Factory[];
}

export function offersRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    requirePrincipal(c.get('principal'), ['publishable', 'secret']);
    const q = queryText(c.req.query('q'), 'q');
    const category = queryText(c.req.query('category'), 'category');
    const limit = parseLimit(c.req.query('limit'));
    const after = decodeCursor(c.req.query('cursor'), ['n'] as const)?.[0] ?? -1;
    const { catalog } = await requireCatalog(deps.catalogs, deps.db);
    const { rows } = await deps.db.query<{ position: number; doc: Offer }>(
      `select position, doc from offers
        where position > $1
          and ($2::text is null or category = $2)
          and ($3::text is null or strpos(search_text, $3) > 0)
        order by position
        limit $4`,
      [after, category ?? null, q === undefined ? null : foldForSearch(q), limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const body: OfferListResponse = {
      currency: catalog.currency,
      data: page.map((row) => row.doc),
      nextCursor: rows.length > limit && last ? encodeCursor([last.position]) : null,
    };
    return c.json(body);
  });

  app.get('/:id', async (c) => {
    requirePrincipal(c.get('principal'), ['publishable', 'secret']);
    const current = await requireCatalog(deps.catalogs, deps.db);
    const offer = current.offers.get(c.req.param('id'));
    if (!offer) throw new ApiError('not_found', 'No offer with this id');
    const ids = new Set(offer.sourcing.map((s) => s.factoryId));
    const body: OfferResponse = {
      currency: current.catalog.currency,
      offer,
      factories: current.catalog.factories.filter((f) => ids.has(f.id)),
    };
    return c.json(body);
  });

  return app;
}
