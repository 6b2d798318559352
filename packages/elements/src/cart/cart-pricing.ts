import {
  quote,
  type Catalog,
  type Offer,
  type Quote,
  type QuotedLine,
  type QuotedOffer,
  type Violation,
} from '@chainkit/core';
import { skuOf } from '../order-form/order-pricing.js';
import type { CartLine } from './cart-store.js';

/** One line of the cart as shown: the stored line with its price and problems. */
export interface PricedCartLine {
  readonly line: CartLine;
  /** `undefined` while the offer is loading or when the SKU is not sold any more. */
  readonly quoted: QuotedLine | undefined;
  /** Violations naming this SKU (step, the SKU's own MOQ/max, unknown SKU). */
  readonly violations: readonly Violation[];
}

/** One offer's lines in the cart, with its tier and violations. */
export interface PricedCartOffer {
  readonly offerId: string;
  /** `undefined` while loading or when the offer could not be loaded. */
  readonly offer: Offer | undefined;
  readonly lines: readonly PricedCartLine[];
  /** The offer's quote (subtotal, total quantity, next tier); `undefined` while loading. */
  readonly quoted: QuotedOffer | undefined;
  /** Violations of the offer as a whole (MOQ/max of a mixed batch). */
  readonly violations: readonly Violation[];
}

export interface PricedCart {
  readonly offers: readonly PricedCartOffer[];
  readonly subtotal: number;
  /** Total units over all lines. */
  readonly count: number;
  /** True when every offer is loaded and there is no violation anywhere. */
  readonly ok: boolean;
  readonly quote: Quote;
}

/** The catalog of the offers loaded so far (build it again only when that set changes). */
export function cartCatalog(offers: Iterable<Offer>, currency: string): Catalog {
  return { currency, factories: [], offers: [...offers] };
}

/**
 * Prices the cart with core `quote()` over the loaded offers: each offer's tier (a mixed batch
 * counts all its SKUs together), subtotal and violations. Lines of offers not loaded yet are
 * listed without a price; `loading` names those offers, `failed` the ones that could not be
 * loaded (their lines count as not orderable).
 */
export function priceCart(
  lines: readonly CartLine[],
  catalog: Catalog,
  loading: ReadonlySet<string>,
): PricedCart {
  const known = new Set(catalog.offers.map((offer) => offer.id));
  const priceable = lines.filter((line) => known.has(line.offerId) || !loading.has(line.offerId));
  const result = quote(
    catalog,
    priceable.map(({ skuId, quantity }) => ({ skuId, quantity })),
  );
  const byLine = new Map(result.lines.map((quoted) => [quoted.skuId, quoted]));
  const bySku = new Map<string, Violation[]>();
  const offerWide = new Map<string, Violation[]>();
  const add = (map: Map<string, Violation[]>, key: string, violation: Violation): void => {
    map.set(key, [...(map.get(key) ?? []), violation]);
  };
  for (const quoted of result.offers) {
    for (const violation of quoted.violations) {
      const skuId = skuOf(violation);
      if (skuId === undefined) add(offerWide, quoted.offerId, violation);
      else add(bySku, skuId, violation);
    }
  }
  for (const violation of result.violations) {
    const skuId = skuOf(violation);
    if (skuId !== undefined) add(bySku, skuId, violation);
  }

  const offerIds = [...new Set(lines.map((line) => line.offerId))];
  const offers = offerIds.map((offerId): PricedCartOffer => {
    const offer = catalog.offers.find((candidate) => candidate.id === offerId);
    return {
      offerId,
      offer,
      lines: lines
        .filter((line) => line.offerId === offerId)
        .map((line) => ({ line, quoted: byLine.get(line.skuId), violations: bySku.get(line.skuId) ?? [] })),
      quoted: result.offers.find((quoted) => quoted.offerId === offerId),
      violations: offerWide.get(offerId) ?? [],
    };
  });
  return {
    offers,
    subtotal: result.subtotal,
    count: lines.reduce((sum, line) => sum + line.quantity, 0),
    ok: loading.size === 0 && result.ok && lines.length > 0,
    quote: result,
  };
}
