import type { Offer } from '@chainkit/core';

/** What the buyer asked the catalog for. */
export interface OfferFilter {
  /** Search text; blank matches everything. */
  readonly query?: string | undefined;
  /** A category id; blank matches every category. */
  readonly category?: string | undefined;
}

/** Folds case and full-width forms, so `ＳＯＣＫＳ` finds `socks` and `羽绒` finds `羽绒服`. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase().trim();
}

/**
 * Whether `offer` matches `filter`: its category equals the filter's, and every word of the query
 * appears in its id or in its title in any language (a buyer may type English in a Chinese page).
 */
export function offerMatches(offer: Offer, filter: OfferFilter): boolean {
  if (filter.category && offer.category !== filter.category) return false;
  const query = foldText(filter.query ?? '');
  if (!query) return true;
  const { title } = offer;
  const haystack = foldText(
    `${offer.id}\n${typeof title === 'string' ? title : Object.values(title).join('\n')}`,
  );
  return query.split(/\s+/).every((word) => haystack.includes(word));
}

/** The offers matching `filter`, in their order; `offers` itself when the filter is empty. */
export function filterOffers(offers: readonly Offer[], filter: OfferFilter): readonly Offer[] {
  return filter.category || foldText(filter.query ?? '')
    ? offers.filter((offer) => offerMatches(offer, filter))
    : offers;
}
