/** One line a buyer asks for. */
export interface QuoteLineInput {
  readonly skuId: string;
  readonly quantity: number;
}

/** Why a line or an offer cannot be ordered as asked. */
export type Violation =
  | { readonly code: 'below_moq'; readonly skuId?: string; readonly moq: number; readonly quantity: number }
  | { readonly code: 'above_max'; readonly skuId?: string; readonly max: number; readonly quantity: number }
  | {
      readonly code: 'not_multiple_of_step';
      readonly skuId: string;
      readonly step: number;
      readonly quantity: number;
    }
  | { readonly code: 'unknown_sku'; readonly skuId: string }
  | { readonly code: 'invalid_quantity'; readonly skuId: string; readonly quantity: unknown }
  | { readonly code: 'currency_mismatch'; readonly expected: string; readonly actual: string };

export type ViolationCode = Violation['code'];

export interface QuotedLine {
  readonly skuId: string;
  readonly offerId: string;
  readonly quantity: number;
  /** Unit price at the tier the counted quantity picked, minor units. */
  readonly unitPrice: number;
  readonly lineTotal: number;
  /** Index into the ladder that priced this line. */
  readonly tierIndex: number;
  /** The quantity that picked the tier: the offer's total under `offer` scope, the line's own under `sku`. */
  readonly countedQuantity: number;
}

/**
 * "Add N more to pay X": the nearest cheaper tier within reach.
 * Under `offer` scope it is counted on the offer's total and the offer's ladder; under
 * `sku` scope it is the SKU (named by `skuId`) needing the fewest extra units, on that
 * SKU's own ladder (the offer's, unless the SKU has its own).
 */
export interface NextTier {
  /** Units to add to reach the next cheaper tier (rounded up to a multiple of the step). */
  readonly addQuantity: number;
  /** The unit price at that tier. */
  readonly unitPrice: number;
  /** Under `sku` scope: the SKU to add the units to. Absent under `offer` scope. */
  readonly skuId?: string;
}

export interface QuotedOffer {
  readonly offerId: string;
  readonly totalQuantity: number;
  readonly subtotal: number;
  /** What the buyer saves against paying every line at its ladder's first tier. */
  readonly savings: number;
  readonly violations: readonly Violation[];
  readonly nextTier: NextTier | null;
}

export interface Quote {
  readonly currency: string;
  readonly lines: readonly QuotedLine[];
  readonly offers: readonly QuotedOffer[];
  /** Violations that belong to no single offer (unknown SKUs, invalid lines, currency). */
  readonly violations: readonly Violation[];
  readonly subtotal: number;
  /** True when there is no violation anywhere. */
  readonly ok: boolean;
}
