import type { MatrixModel } from './matrix-axes.js';
import { loadDraft } from './draft-storage.js';
import { linesOf, parseQuantity, type FormLine } from './quantity-input.js';
import type { OtherLine } from './other-items.js';

/** A line handed to the form (e.g. by `<chain-cart>`'s checkout). */
export interface OrderFormLine {
  /** The offer of the SKU; absent means the form's own offer. */
  readonly offerId?: string;
  readonly skuId: string;
  readonly quantity: number;
}

const isOrderable = (line: { quantity: number }): boolean =>
  Number.isSafeInteger(line.quantity) && line.quantity > 0;

/**
 * What the buyer is ordering: the text of each matrix cell of the form's offer, the quantity it
 * means (`NaN` for text that is not a whole number), and lines of other offers handed over by
 * the cart. Kept in memory; only the quantities go to the draft.
 */
export class OrderQuantities {
  /** SKU id → what the cell shows. */
  readonly text = new Map<string, string>();
  /** SKU id → quantity (0 for an empty cell, `NaN` for unreadable text). */
  readonly quantities = new Map<string, number>();
  #others: OtherLine[] = [];
  #order: readonly string[] = [];
  #offerId = '';

  /** Lines of other offers, in the order they were handed over. */
  get others(): readonly OtherLine[] {
    return this.#others;
  }

  /** Starts over for `offerId`, whose SKUs are `skuIds` in matrix order. */
  reset(offerId: string, skuIds: readonly string[]): void {
    this.#offerId = offerId;
    this.#order = skuIds;
    this.clear();
  }

  clear(): void {
    this.text.clear();
    this.quantities.clear();
    this.#others = [];
  }

  /** The buyer typed `text` into the cell of `skuId`. */
  set(skuId: string, text: string): void {
    this.text.set(skuId, text);
    this.quantities.set(skuId, parseQuantity(text));
  }

  /** Fills the cells from the offer's saved draft (SKUs no longer in `model` are dropped). */
  restoreDraft(model: MatrixModel): void {
    this.clear();
    for (const [skuId, quantity] of loadDraft(this.#offerId)) {
      if (model.positions.has(skuId)) this.set(skuId, String(quantity));
    }
  }

  /** Replaces everything with `lines`: the offer's fill its cells, other offers' are kept aside. */
  apply(lines: readonly OrderFormLine[], model: MatrixModel): void {
    this.clear();
    for (const line of lines) {
      const own = line.offerId === undefined || line.offerId === this.#offerId;
      if (own && model.positions.has(line.skuId)) {
        this.set(line.skuId, String((this.quantities.get(line.skuId) ?? 0) + line.quantity));
      } else if (line.offerId !== undefined && !own) {
        this.#others.push({ offerId: line.offerId, skuId: line.skuId, quantity: line.quantity });
      }
    }
  }

  /** Every non-empty cell (unreadable ones included, so `quote()` reports them) and other lines. */
  pricedLines(): FormLine[] {
    return [...linesOf(this.quantities, this.#order), ...this.#others];
  }

  /** The lines an order would carry: positive whole quantities only, each with its offer. */
  orderLines(): Required<OrderFormLine>[] {
    return [
      ...linesOf(this.quantities, this.#order)
        .filter(isOrderable)
        .map((line) => ({ offerId: this.#offerId, skuId: line.skuId, quantity: line.quantity })),
      ...this.#others.map((line) => ({ ...line })),
    ];
  }
}

/** Keeps the well-formed lines of what a page handed over. */
export function usableLines(lines: unknown): OrderFormLine[] {
  if (!Array.isArray(lines)) return [];
  return (lines as Partial<OrderFormLine>[]).filter(
    (line): line is OrderFormLine =>
      typeof line?.skuId === 'string' &&
      typeof line.quantity === 'number' &&
      isOrderable({ quantity: line.quantity }) &&
      (line.offerId === undefined || typeof line.offerId === 'string'),
  );
}
