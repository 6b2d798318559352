/**
 * `quote`: prices a cart against a validated catalog — ladder tiers, mixed batches (混批),
 * MOQ/step/max rules, violations, "add N more" hints and savings.
 */
import type { Catalog, PriceTier, QuantityRules } from './catalog.js';
import {
  createScratch,
  indexCatalog,
  nextGeneration,
  type CatalogIndex,
  type QuoteScratch,
  type SkuEntry,
} from './catalog-index.js';
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

/** Whether `quantity` breaks `rules` (moq/max), without allocating. */
function breaksCount(rules: QuantityRules, quantity: number): boolean {
  const max = rules.max;
  return quantity < rules.moq || (max !== null && max !== undefined && quantity > max);
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
 * Never throws on bad lines. Indexes are cached per catalog object, so the catalog must not
 * be mutated after its first quote.
 */
export function quote(catalog: Catalog, lines: readonly QuoteLineInput[], options?: QuoteOptions): Quote {
  const index = indexCatalog(catalog);
  const shared = index.scratch;
  const scratch = shared.busy ? createScratch(shared.skuStamp.length, index.offers.length) : shared;
  scratch.busy = true;
  try {
    return quoteWith(index, scratch, catalog, lines, options);
  } finally {
    scratch.busy = false;
  }
}

function quoteWith(
  index: CatalogIndex,
  scratch: QuoteScratch,
  catalog: Catalog,
  lines: readonly QuoteLineInput[],
  options: QuoteOptions | undefined,
): Quote {
  const generation = nextGeneration(scratch);
  const { skuStamp, skuQuantity, offerStamp, offerQuantity, offerList } = scratch;
  const violations: Violation[] = [];
  const expected = options?.currency;
  if (expected !== undefined && expected !== catalog.currency) {
    violations.push({ code: 'currency_mismatch', expected, actual: catalog.currency });
  }

  // 1. Check each line on its own, merge by SKU (order: first appearance).
  const order: SkuEntry[] = [];
  for (const line of lines) {
    const input = line as Partial<QuoteLineInput> | null | undefined;
    const rawId: unknown = input?.skuId;
    const quantity: unknown = input?.quantity;
    const entry = typeof rawId === 'string' ? index.skus.get(rawId) : undefined;
    // Objects are not stringified: a hostile toString must not make quote throw.
    const skuId = typeof rawId === 'string' ? rawId : typeof rawId === 'object' ? '[object]' : String(rawId);
    if (entry === undefined) violations.push({ code: 'unknown_sku', skuId });
    if (!isQuantity(quantity)) {
      violations.push({ code: 'invalid_quantity', skuId, quantity });
      continue;
    }
    if (entry === undefined) continue;
    const slot = entry.slot;
    if (skuStamp[slot] !== generation) {
      skuStamp[slot] = generation;
      skuQuantity[slot] = quantity;
      order.push(entry);
    } else if (Number.isSafeInteger((skuQuantity[slot] ?? 0) + quantity)) {
      skuQuantity[slot] = (skuQuantity[slot] ?? 0) + quantity;
    } else {
      violations.push({ code: 'invalid_quantity', skuId, quantity });
    }
  }

  // 2. Sum per offer, refusing any line that would push an amount past the safe range.
  //    Σ listPrice × quantity bounds both subtotals and savings, so checking it suffices.
  const offerOrder: number[] = [];
  let cartList = 0;
  for (const entry of order) {
    const quantity = skuQuantity[entry.slot] ?? 0;
    const o = entry.offerSlot;
    const fresh = offerStamp[o] !== generation;
    const lineList = entry.listPrice * quantity;
    const nextQuantity = (fresh ? 0 : (offerQuantity[o] ?? 0)) + quantity;
    const nextList = (fresh ? 0 : (offerList[o] ?? 0)) + lineList;
    if (
      !Number.isSafeInteger(lineList) ||
      !Number.isSafeInteger(nextQuantity) ||
      !Number.isSafeInteger(nextList) ||
      !Number.isSafeInteger(cartList + lineList)
    ) {
      violations.push({ code: 'invalid_quantity', skuId: entry.sku.id, quantity });
      skuQuantity[entry.slot] = 0;
      continue;
    }
    if (fresh) {
      offerStamp[o] = generation;
      offerOrder.push(o);
    }
    offerQuantity[o] = nextQuantity;
    offerList[o] = nextList;
    cartList += lineList;
  }

  // 3. Offer-wide rules first, so an offer's violations read offer → lines.
  const { offerSubtotal, offerSavings, offerBestAdd, offerBestPrice, offerBestSku, offerViolations } =
    scratch;
  for (const o of offerOrder) {
    offerSubtotal[o] = 0;
    offerSavings[o] = 0;
    offerBestAdd[o] = Infinity;
    offerBestSku[o] = undefined;
    offerViolations[o] = undefined;
    const offer = index.offers[o];
    const total = offerQuantity[o] ?? 0;
    // Mixed batch: the offer's own rules bound the total across its SKUs.
    if (offer && offer.pricing.scope === 'offer' && breaksCount(offer.rules, total)) {
      const list: Violation[] = [];
      checkCount(list, offer.rules, total, undefined);
      offerViolations[o] = list;
    }
  }

  // 4. Price the lines in the buyer's order.
  const quotedLines: QuotedLine[] = [];
  const found = { index: -1 };
  for (const entry of order) {
    const quantity = skuQuantity[entry.slot] ?? 0;
    if (quantity === 0) continue; // refused in step 2
    const o = entry.offerSlot;
    const { offer, sku, tiers, rules } = entry;
    const skuId = sku.id;
    const byOffer = offer.pricing.scope === 'offer';
    const counted = byOffer ? (offerQuantity[o] ?? 0) : quantity;
    const tierIndex = tierIndexFor(tiers, counted);
    const unitPrice = tiers[tierIndex]?.unitPrice ?? 0;
    const lineTotal = unitPrice * quantity;
    offerSubtotal[o] = (offerSubtotal[o] ?? 0) + lineTotal;
    offerSavings[o] = (offerSavings[o] ?? 0) + (entry.listPrice - unitPrice) * quantity;
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
    const perSku = (!byOffer || sku.rules !== undefined) && breaksCount(rules, quantity);
    if (perSku || quantity % rules.step !== 0) {
      const list = (offerViolations[o] ??= []);
      if (perSku) checkCount(list, rules, quantity, skuId);
      if (quantity % rules.step !== 0) {
        list.push({ code: 'not_multiple_of_step', skuId, step: rules.step, quantity });
      }
    }
    if (!byOffer) {
      // The SKU nearest to a cheaper tier gives the hint; on a tie the earlier line.
      const add = unitsToCheaperTier(tiers, quantity, rules, found);
      if (add > 0 && add < (offerBestAdd[o] ?? Infinity)) {
        offerBestAdd[o] = add;
        offerBestPrice[o] = tiers[found.index]?.unitPrice ?? 0;
        offerBestSku[o] = skuId;
      }
    }
  }

  // 5. Offer summaries, in order of first appearance.
  const offers: QuotedOffer[] = [];
  let subtotal = 0;
  let ok = violations.length === 0;
  for (const o of offerOrder) {
    const offer = index.offers[o];
    if (offer === undefined) continue;
    const totalQuantity = offerQuantity[o] ?? 0;
    let nextTier: NextTier | null = null;
    if (offer.pricing.scope === 'offer') {
      const add = unitsToCheaperTier(offer.pricing.tiers, totalQuantity, offer.rules, found);
      if (add > 0)
        nextTier = { addQuantity: add, unitPrice: offer.pricing.tiers[found.index]?.unitPrice ?? 0 };
    } else {
      const skuId = offerBestSku[o];
      if (skuId !== undefined) {
        nextTier = { addQuantity: offerBestAdd[o] ?? 0, unitPrice: offerBestPrice[o] ?? 0, skuId };
      }
    }
    const offerViolationList = offerViolations[o] ?? NO_VIOLATIONS;
    offerViolations[o] = undefined; // let the arrays go with the result, not the scratch
    if (offerViolationList.length > 0) ok = false;
    const offerSubtotalValue = offerSubtotal[o] ?? 0;
    subtotal += offerSubtotalValue;
    offers.push({
      offerId: offer.id,
      totalQuantity,
      subtotal: offerSubtotalValue,
      savings: offerSavings[o] ?? 0,
      violations: offerViolationList,
      nextTier,
    });
  }
  for (const o of offerOrder) offerBestSku[o] = undefined;

  return { currency: catalog.currency, lines: quotedLines, offers, violations, subtotal, ok };
}
