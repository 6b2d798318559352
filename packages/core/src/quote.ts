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

/** A SKU's lines merged into one. */
interface Merged {
  readonly skuId: string;
  readonly entry: SkuEntry;
  quantity: number;
  /** Set once the line is priced; stays undefined for a line refused for overflow. */
  quoted: QuotedLine | undefined;
}

/** The lines of one offer. */
interface Group {
  readonly offer: Offer;
  readonly lines: Merged[];
  totalQuantity: number;
  /** Σ listPrice × quantity: bounds both the subtotal and the savings. */
  listTotal: number;
}

const isQuantity = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

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
 * The nearest strictly cheaper tier above `counted`, with the units to add rounded up to a
 * multiple of `rules.step` (so following the hint keeps the line orderable); null at the top
 * of the ladder or when reaching it would pass `rules.max`.
 */
function nextTierFrom(
  tiers: readonly PriceTier[],
  counted: number,
  rules: QuantityRules,
): { addQuantity: number; unitPrice: number } | null {
  const current = tierIndexFor(tiers, counted);
  const currentPrice = tiers[current]?.unitPrice;
  if (currentPrice === undefined) return null;
  for (let k = current + 1; k < tiers.length; k += 1) {
    const tier = tiers[k];
    if (tier === undefined || tier.unitPrice >= currentPrice) continue;
    const need = tier.minQuantity - counted;
    const addQuantity = Math.ceil(need / rules.step) * rules.step;
    const max = rules.max;
    if (max !== null && max !== undefined && counted + addQuantity > max) return null;
    return { addQuantity, unitPrice: tier.unitPrice };
  }
  return null;
}

/** Prices one offer's lines, filling each line's `quoted`, and returns the offer summary. */
function quoteOffer(group: Group): QuotedOffer {
  const { offer, lines, totalQuantity } = group;
  const byOffer = offer.pricing.scope === 'offer';
  const violations: Violation[] = [];
  // Mixed batch: the offer's own rules bound the total across its SKUs.
  if (byOffer) checkCount(violations, offer.rules, totalQuantity, undefined);

  let subtotal = 0;
  let savings = 0;
  let nextTier: NextTier | null = null;
  for (const line of lines) {
    const { entry, quantity, skuId } = line;
    const counted = byOffer ? totalQuantity : quantity;
    const tierIndex = tierIndexFor(entry.tiers, counted);
    const unitPrice = entry.tiers[tierIndex]?.unitPrice ?? 0;
    const lineTotal = unitPrice * quantity;
    subtotal += lineTotal;
    savings += (entry.listPrice - unitPrice) * quantity;
    line.quoted = {
      skuId,
      offerId: offer.id,
      quantity,
      unitPrice,
      lineTotal,
      tierIndex,
      countedQuantity: counted,
    };

    // Under sku scope every SKU answers to its effective rules; under offer scope only a SKU
    // with rules of its own adds a per-SKU check on top of the offer-wide one.
    if (!byOffer || entry.sku.rules !== undefined) checkCount(violations, entry.rules, quantity, skuId);
    if (quantity % entry.rules.step !== 0) {
      violations.push({ code: 'not_multiple_of_step', skuId, step: entry.rules.step, quantity });
    }
    if (!byOffer) {
      const hint = nextTierFrom(entry.tiers, quantity, entry.rules);
      // The SKU nearest to a cheaper tier wins; on a tie the earlier line.
      if (hint !== null && (nextTier === null || hint.addQuantity < nextTier.addQuantity)) {
        nextTier = { ...hint, skuId };
      }
    }
  }
  if (byOffer) nextTier = nextTierFrom(offer.pricing.tiers, totalQuantity, offer.rules);
  return { offerId: offer.id, totalQuantity, subtotal, savings, violations, nextTier };
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
  const violations: Violation[] = [];
  const expected = options?.currency;
  if (expected !== undefined && expected !== catalog.currency) {
    violations.push({ code: 'currency_mismatch', expected, actual: catalog.currency });
  }

  // 1. Check each line on its own, merge by SKU.
  const merged = new Map<string, Merged>();
  for (const line of lines) {
    const input = line as Partial<QuoteLineInput> | null | undefined;
    const rawId: unknown = input?.skuId;
    const quantity: unknown = input?.quantity;
    const skuId = typeof rawId === 'string' ? rawId : String(rawId);
    const entry = typeof rawId === 'string' ? index.skus.get(rawId) : undefined;
    let usable = true;
    if (entry === undefined) {
      violations.push({ code: 'unknown_sku', skuId });
      usable = false;
    }
    if (!isQuantity(quantity)) {
      violations.push({ code: 'invalid_quantity', skuId, quantity });
      usable = false;
    }
    if (!usable || entry === undefined || !isQuantity(quantity)) continue;
    const seen = merged.get(skuId);
    if (seen === undefined) {
      merged.set(skuId, { skuId, entry, quantity, quoted: undefined });
    } else if (Number.isSafeInteger(seen.quantity + quantity)) {
      seen.quantity += quantity;
    } else {
      violations.push({ code: 'invalid_quantity', skuId, quantity });
    }
  }

  // 2. Group by offer, refusing any line that would push an amount past the safe range.
  const groups = new Map<Offer, Group>();
  let cartList = 0;
  for (const line of merged.values()) {
    const { entry, quantity } = line;
    const group = groups.get(entry.offer);
    const lineList = entry.listPrice * quantity;
    const offerQuantity = (group?.totalQuantity ?? 0) + quantity;
    const offerList = (group?.listTotal ?? 0) + lineList;
    if (
      !Number.isSafeInteger(lineList) ||
      !Number.isSafeInteger(offerQuantity) ||
      !Number.isSafeInteger(offerList) ||
      !Number.isSafeInteger(cartList + lineList)
    ) {
      violations.push({ code: 'invalid_quantity', skuId: line.skuId, quantity });
      continue;
    }
    cartList += lineList;
    if (group === undefined) {
      const created: Group = {
        offer: entry.offer,
        lines: [line],
        totalQuantity: quantity,
        listTotal: lineList,
      };
      groups.set(entry.offer, created);
    } else {
      group.lines.push(line);
      group.totalQuantity = offerQuantity;
      group.listTotal = offerList;
    }
  }

  // 3. Price each offer, then list lines in the buyer's order.
  const offers: QuotedOffer[] = [];
  let subtotal = 0;
  let ok = violations.length === 0;
  for (const group of groups.values()) {
    const quoted = quoteOffer(group);
    offers.push(quoted);
    subtotal += quoted.subtotal;
    if (quoted.violations.length > 0) ok = false;
  }
  const quotedLines: QuotedLine[] = [];
  for (const line of merged.values()) if (line.quoted !== undefined) quotedLines.push(line.quoted);

  return { currency: catalog.currency, lines: quotedLines, offers, violations, subtotal, ok };
}
