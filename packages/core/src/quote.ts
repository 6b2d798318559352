/**
 * `quote`: prices a cart against a validated catalog — ladder tiers, mixed batches (混批),
 * MOQ/step/max rules, violations, "add N more" hints and savings.
 */
import type { Catalog, Offer, PriceTier, QuantityRules } from './catalog.js';
import { indexCatalog, type SkuEntry } from './catalog-index.js';
import { tierIndexFor } from './ladder.js';
import type { NextTier, QuoteLineInput, Quote, QuotedLine, QuotedOffer, Violation } from './quote-types.js';

/** Options for {@link quote}. */
export interface QuoteOptions {
  /**
   * The currency the caller expects (e.g. the one its page shows). When it differs from the
   * catalog's, the quote still prices in the catalog's currency and reports `currency_mismatch`.
   */
  readonly currency?: string;
}

const isQuantity = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

const NO_VIOLATIONS: readonly Violation[] = Object.freeze([]);

/** One offer's running sums while a quote is priced. */
interface OfferSums {
  /** Units across the offer's accepted lines (the counted quantity under offer scope). */
  quantity: number;
  /** Σ list price × quantity: bounds the subtotal and the savings (see step 2). */
  list: number;
  subtotal: number;
  savings: number;
  violations: Violation[];
  /** Under sku scope, the nearest cheaper tier over the offer's SKUs (Infinity for none). */
  bestAdd: number;
  bestPrice: number;
  bestSku: string | undefined;
}

/** Appends below_moq / above_max for a counted quantity. */
function checkCount(
  violations: Violation[],
  rules: QuantityRules,
  quantity: number,
  skuId: string | undefined,
): void {
  if (quantity < rules.moq) {
    violations.push(
      skuId === undefined
        ? { code: 'below_moq', moq: rules.moq, quantity }
        : { code: 'below_moq', skuId, moq: rules.moq, quantity },
    );
  }
  const max = rules.max;
  if (max !== null && max !== undefined && quantity > max) {
    violations.push(
      skuId === undefined
        ? { code: 'above_max', max, quantity }
        : { code: 'above_max', skuId, max, quantity },
    );
  }
}

/**
 * Units to add to `counted` to reach the nearest strictly cheaper tier, rounded up to a
 * multiple of `rules.step` (so following the hint keeps the line orderable), or -1 at the
 * top of the ladder or when reaching it would pass `rules.max`. The tier's index is left
 * in `found.index` (a number out-parameter spares an object per line).
 */
function unitsToCheaperTier(
  tiers: readonly PriceTier[],
  counted: number,
  rules: QuantityRules,
  found: { index: number },
): number {
  const current = tierIndexFor(tiers, counted);
  const currentPrice = tiers[current]?.unitPrice;
  if (currentPrice === undefined) return -1;
  for (let k = current + 1; k < tiers.length; k += 1) {
    const tier = tiers[k];
    if (tier === undefined || tier.unitPrice >= currentPrice) continue;
    const addQuantity = Math.ceil((tier.minQuantity - counted) / rules.step) * rules.step;
    const max = rules.max;
    if (max !== null && max !== undefined && counted + addQuantity > max) return -1;
    found.index = k;
    return addQuantity;
  }
  return -1;
}

/**
 * Prices `lines` against a catalog that passed `validateCatalog`.
 *
 * - Lines naming the same SKU are merged first (quantities added, kept at the position of
 *   the first), so one SKU is one quoted line and splitting a line cannot dodge a rule.
 * - Scope `sku`: each SKU's quantity picks its tier. Scope `offer` (混批): the offer's total
 *   across its SKUs picks the tier for every line. A SKU with its own ladder is priced from
 *   it at that same counted quantity; `countedQuantity` says which quantity it was.
 * - Rules: `moq` and `max` apply to the counted quantity — per SKU under `sku` scope, the
 *   offer total under `offer` scope (plus, for a SKU with rules of its own, that SKU's
 *   quantity); `step` applies to each (merged) line. Breaking them gives `below_moq`,
 *   `above_max`, `not_multiple_of_step` on the offer; the lines are still priced.
 * - Lines with an unknown SKU (`unknown_sku`) or a quantity that is not a positive safe
 *   integer (`invalid_quantity`: 0, −1, 1.5, NaN, 2^53, "5") are not priced and are reported
 *   in the top-level `violations`. So is a line whose amount at list price (first-tier unit
 *   price × quantity), or whose addition to its offer's or the cart's totals, would pass
 *   Number.MAX_SAFE_INTEGER: this is what guarantees every amount in a quote is a
 *   non-negative safe integer (subtotals and savings never exceed the list-price total).
 *   Such a line is left out before tiers are picked, so it never counts towards a tier.
 * - `currency_mismatch` when `options.currency` is given and is not the catalog's currency.
 * - `nextTier`: see {@link NextTier}. `savings`: Σ (first-tier unit price − unit price) ×
 *   quantity over the offer's lines, each on its own ladder.
 * - `ok` is true when there is no violation anywhere. Offers appear in the order their first
 *   line does.
 *
 * Never throws on bad lines. A catalog's SKU index is cached per catalog object, so the catalog
 * must not be mutated after its first quote.
 */
export function quote(catalog: Catalog, lines: readonly QuoteLineInput[], options?: QuoteOptions): Quote {
  const skus = indexCatalog(catalog);
  const violations: Violation[] = [];
  const expected = options?.currency;
  if (expected !== undefined && expected !== catalog.currency) {
    violations.push({ code: 'currency_mismatch', expected, actual: catalog.currency });
  }

  // 1. Check each line on its own, merge by SKU (order: first appearance).
  const merged = new Map<SkuEntry, number>();
  for (const line of lines) {
    const input = line as Partial<QuoteLineInput> | null | undefined;
    const rawId: unknown = input?.skuId;
    const quantity: unknown = input?.quantity;
    const entry = typeof rawId === 'string' ? skus.get(rawId) : undefined;
    // Objects are not stringified: a hostile toString must not make quote throw.
    const skuId = typeof rawId === 'string' ? rawId : typeof rawId === 'object' ? '[object]' : String(rawId);
    if (entry === undefined) violations.push({ code: 'unknown_sku', skuId });
    if (!isQuantity(quantity)) {
      violations.push({ code: 'invalid_quantity', skuId, quantity });
      continue;
    }
    if (entry === undefined) continue;
    const sum = (merged.get(entry) ?? 0) + quantity;
    if (Number.isSafeInteger(sum)) merged.set(entry, sum);
    else violations.push({ code: 'invalid_quantity', skuId, quantity });
  }

  // 2. Sum per offer, refusing any line that would push an amount past the safe range.
  //    Σ listPrice × quantity bounds both subtotals and savings, so checking it suffices.
  const offers = new Map<Offer, OfferSums>();
  let cartList = 0;
  for (const [entry, quantity] of merged) {
    const sums = offers.get(entry.offer);
    const lineList = entry.listPrice * quantity;
    const nextQuantity = (sums?.quantity ?? 0) + quantity;
    const nextList = (sums?.list ?? 0) + lineList;
    if (
      !Number.isSafeInteger(lineList) ||
      !Number.isSafeInteger(nextQuantity) ||
      !Number.isSafeInteger(nextList) ||
      !Number.isSafeInteger(cartList + lineList)
    ) {
      violations.push({ code: 'invalid_quantity', skuId: entry.sku.id, quantity });
      merged.set(entry, 0);
      continue;
    }
    if (sums) {
      sums.quantity = nextQuantity;
      sums.list = nextList;
    } else {
      offers.set(entry.offer, {
        quantity,
        list: lineList,
        subtotal: 0,
        savings: 0,
        violations: [],
        bestAdd: Infinity,
        bestPrice: 0,
        bestSku: undefined,
      });
    }
    cartList += lineList;
  }

  // 3. Offer-wide rules first, so an offer's violations read offer → lines.
  //    Mixed batch: the offer's own rules bound the total across its SKUs.
  for (const [offer, sums] of offers) {
    if (offer.pricing.scope === 'offer') checkCount(sums.violations, offer.rules, sums.quantity, undefined);
  }

  // 4. Price the lines in the buyer's order.
  const quotedLines: QuotedLine[] = [];
  const found = { index: -1 };
  for (const [{ offer, sku, tiers, rules, listPrice }, quantity] of merged) {
    const sums = offers.get(offer);
    if (quantity === 0 || !sums) continue; // refused in step 2
    const skuId = sku.id;
    const byOffer = offer.pricing.scope === 'offer';
    const counted = byOffer ? sums.quantity : quantity;
    const tierIndex = tierIndexFor(tiers, counted);
    const unitPrice = tiers[tierIndex]?.unitPrice ?? 0;
    const lineTotal = unitPrice * quantity;
    sums.subtotal += lineTotal;
    sums.savings += (listPrice - unitPrice) * quantity;
    quotedLines.push({
      skuId,
      offerId: offer.id,
      quantity,
      unitPrice,
      lineTotal,
      tierIndex,
      countedQuantity: counted,
    });

    // Under sku scope every SKU answers to its effective rules; under offer scope only a SKU
    // with rules of its own adds a per-SKU check on top of the offer-wide one.
    if (!byOffer || sku.rules !== undefined) checkCount(sums.violations, rules, quantity, skuId);
    if (quantity % rules.step !== 0) {
      sums.violations.push({ code: 'not_multiple_of_step', skuId, step: rules.step, quantity });
    }
    if (!byOffer) {
      // The SKU nearest to a cheaper tier gives the hint; on a tie the earlier line.
      const add = unitsToCheaperTier(tiers, quantity, rules, found);
      if (add > 0 && add < sums.bestAdd) {
        sums.bestAdd = add;
        sums.bestPrice = tiers[found.index]?.unitPrice ?? 0;
        sums.bestSku = skuId;
      }
    }
  }

  // 5. Offer summaries, in order of first appearance.
  const quotedOffers: QuotedOffer[] = [];
  let subtotal = 0;
  let ok = violations.length === 0;
  for (const [offer, sums] of offers) {
    let nextTier: NextTier | null = null;
    if (offer.pricing.scope === 'offer') {
      const add = unitsToCheaperTier(offer.pricing.tiers, sums.quantity, offer.rules, found);
      if (add > 0)
        nextTier = { addQuantity: add, unitPrice: offer.pricing.tiers[found.index]?.unitPrice ?? 0 };
    } else if (sums.bestSku !== undefined) {
      nextTier = { addQuantity: sums.bestAdd, unitPrice: sums.bestPrice, skuId: sums.bestSku };
    }
    if (sums.violations.length > 0) ok = false;
    subtotal += sums.subtotal;
    quotedOffers.push({
      offerId: offer.id,
      totalQuantity: sums.quantity,
      subtotal: sums.subtotal,
      savings: sums.savings,
      violations: sums.violations.length > 0 ? sums.violations : NO_VIOLATIONS,
      nextTier,
    });
  }

  return { currency: catalog.currency, lines: quotedLines, offers: quotedOffers, violations, subtotal, ok };
}
