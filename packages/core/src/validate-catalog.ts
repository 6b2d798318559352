/**
 * `validateCatalog`: the one gate a catalog passes before anything prices from it.
 */
import * as v from 'valibot';
import type { Catalog } from './catalog.js';
import { formatPath, type PathSegment } from './catalog-path.js';
import { catalogSchema } from './catalog-schema.js';

/** One thing wrong with a catalog document. */
export interface CatalogProblem {
  /** Where, e.g. `offers[3].pricing.tiers[1].minQuantity`; `""` for the document itself. */
  readonly path: string;
  /** A full sentence that starts with the path, e.g. `offers[3].pricing.tiers[1].minQuantity must be greater than 2`. */
  readonly message: string;
}

/** The outcome of {@link validateCatalog}: the parsed catalog, or every problem found. */
export type CatalogValidation =
  | { readonly ok: true; readonly catalog: Catalog }
  | { readonly ok: false; readonly problems: readonly CatalogProblem[] };

function segmentsOf(issue: v.BaseIssue<unknown>): PathSegment[] {
  return (issue.path ?? []).map((item) =>
    typeof item.key === 'number' || typeof item.key === 'string' ? item.key : String(item.key),
  );
}

/** Turns a valibot issue into a problem sentence that starts with its path. */
export function issueToProblem(issue: v.BaseIssue<unknown>): CatalogProblem {
  const path = formatPath(segmentsOf(issue));
  // Semantic issues already carry their whole sentence.
  if (issue.type === 'raw_check') return { path, message: issue.message };
  const last = issue.path?.at(-1);
  // Valibot reports a missing key on the object, with a last path item of origin "key".
  const text = last?.origin === 'key' && issue.input === undefined ? 'is required' : issue.message;
  return { path, message: `${path === '' ? 'the catalog' : path} ${text}` };
}

/**
 * Checks an untrusted catalog document (parsed JSON) against the structure of
 * {@link Catalog} and every pricing rule, and reports every problem at once, each with a
 * path and a sentence such as `offers[3].pricing.tiers[1].minQuantity must be greater than 2`.
 *
 * The rules: ladders are non-empty, `minQuantity` integers ascending strictly from ≥ 1,
 * unit prices non-negative safe integers that never rise with quantity (offer and SKU
 * ladders); `moq` and `step` integers ≥ 1 with `moq` a multiple of `step`; `max` null,
 * absent or an integer ≥ `moq`; factory, offer and SKU ids unique across the catalog;
 * sourcing names existing factories and SKUs of its own offer; every offer has a SKU and a
 * sourcing entry and every SKU is made by some factory; factories have an integer
 * `dailyCapacity` ≥ 1 and `leadTimeDays` ≥ 0; the currency is in the ISO 4217 table; titles
 * are non-empty.
 *
 * Never throws. On success `catalog` is a fresh copy without unknown keys; treat it as
 * immutable, because `quote` caches indexes per catalog object.
 */
export function validateCatalog(doc: unknown): CatalogValidation {
  const result = v.safeParse(catalogSchema, doc, { abortEarly: false });
  if (result.success) return { ok: true, catalog: result.output };
  return { ok: false, problems: result.issues.map(issueToProblem) };
}
