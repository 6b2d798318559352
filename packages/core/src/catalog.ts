/**
 * The catalog document: plain JSON, the same file the order server imports.
 * All money is integer minor units of `Catalog.currency`.
 */

/** A title or other text, either one string or a map of BCP 47 locale → text. */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** One rung of a price ladder: from `minQuantity` units on, each unit costs `unitPrice`. */
export interface PriceTier {
  /** The smallest quantity this tier applies to (≥ 1). */
  readonly minQuantity: number;
  /** Price of one unit, integer minor units. */
  readonly unitPrice: number;
}

/** Quantity rules: minimum order quantity (起批量), batch step and an optional cap. */
export interface QuantityRules {
  /** Minimum order quantity, applied to the counted quantity. */
  readonly moq: number;
  /** Every line must be a multiple of this (a box of 6 → 6). */
  readonly step: number;
  /** Largest counted quantity accepted; `null` or absent means no cap. */
  readonly max?: number | null;
}

/**
 * How tiers are picked.
 * - `offer`: mixed batch (混批) — the offer's total across its SKUs picks the tier for every line.
 * - `sku`: each SKU's own quantity picks its own tier.
 */
export type PricingScope = 'offer' | 'sku';

export interface OfferPricing {
  readonly scope: PricingScope;
  readonly tiers: readonly PriceTier[];
}

export interface Sku {
  readonly id: string;
  /** Attribute name → value, e.g. `{ color: "red", size: "M" }`; the order form's matrix axes. */
  readonly attributes: Readonly<Record<string, string>>;
  /** This SKU's own ladder; absent means the offer's. */
  readonly tiers?: readonly PriceTier[];
  /** This SKU's own quantity rules; absent means the offer's. */
  readonly rules?: QuantityRules;
}

/** Which factories can make an offer; lower `priority` is preferred on a tie. */
export interface Sourcing {
  readonly factoryId: string;
  readonly priority: number;
  /** Restrict this factory to these SKUs; absent means every SKU of the offer. */
  readonly skuIds?: readonly string[];
}

export interface Factory {
  readonly id: string;
  readonly name: string;
  /** ISO 3166-2 region code, e.g. `CN-ZJ`. */
  readonly region: string;
  /** Units the factory can make and ship per day. */
  readonly dailyCapacity: number;
  /** Days from accepting an order to the first shipment. */
  readonly leadTimeDays: number;
}

/**
 * How one SKU attribute of an offer reads for buyers: its name and its values per locale. The
 * values in `Sku.attributes` stay what identifies a SKU (`Black`); this is only what is shown
 * (`黑色` on a Chinese page). Anything without a label is shown as written.
 */
export interface AttributeLabel {
  /** The attribute's name, e.g. `{ "zh-CN": "颜色", "en": "Colour" }`. */
  readonly name?: LocalizedText;
  /** Value as written in `Sku.attributes` → how it reads. */
  readonly values?: Readonly<Record<string, LocalizedText>>;
}

export interface Offer {
  readonly id: string;
  readonly title: LocalizedText;
  readonly category: string;
  /** The sales unit, e.g. `piece`, `pair`, `box`. */
  readonly unit: string;
  readonly images?: readonly string[];
  /** Plain text or HTML; HTML is only ever rendered through the elements' sanitizer. */
  readonly description?: LocalizedText;
  /** Attribute name (as in `Sku.attributes`) → its labels for buyers. */
  readonly attributeLabels?: Readonly<Record<string, AttributeLabel>>;
  readonly pricing: OfferPricing;
  readonly rules: QuantityRules;
  readonly skus: readonly Sku[];
  readonly sourcing: readonly Sourcing[];
}

export interface Catalog {
  /** ISO 4217 code every price in the catalog is in. */
  readonly currency: string;
  readonly factories: readonly Factory[];
  readonly offers: readonly Offer[];
}
