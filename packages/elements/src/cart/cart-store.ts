/**
 * The cart's lines, kept in `localStorage` so they survive page loads and shared by every
 * `<chain-cart>` on the page that uses the same storage key. Only offer id, SKU id and quantity
 * are stored — never anything about the buyer.
 */

/** One line of the cart. */
export interface CartLine {
  readonly offerId: string;
  readonly skuId: string;
  /** A positive safe integer. */
  readonly quantity: number;
}

/** The default `localStorage` key. */
export const DEFAULT_CART_KEY = 'chainkit:cart';
const VERSION = 1;
export const MAX_LINES = 1000;

const isId = (value: unknown): boolean =>
  typeof value === 'string' && value.length > 0 && value.length <= 100;
const isQuantity = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isLine = (line: CartLine, offerId: string, skuId: string): boolean =>
  line.offerId === offerId && line.skuId === skuId;

/** True when `line` is a well-formed cart line. */
export function isCartLine(line: unknown): line is CartLine {
  const candidate = line as Partial<CartLine> | null | undefined;
  return isId(candidate?.offerId) && isId(candidate!.skuId) && isQuantity(candidate!.quantity);
}

/** Parses a stored cart, keeping only well-formed lines (and merging repeats). */
export function parseCart(text: string | null): CartLine[] {
  const lines: CartLine[] = [];
  try {
    const parsed = JSON.parse(text!) as { v?: unknown; lines?: unknown } | null;
    if (parsed?.v === VERSION && Array.isArray(parsed.lines)) {
      for (const line of parsed.lines as unknown[]) if (isCartLine(line)) mergeInto(lines, line);
    }
  } catch {
    // Not JSON: no lines.
  }
  return lines;
}

/**
 * Adds `line` to `lines` in place: to the quantity of the same SKU, else as a new line (a copy of
 * its three fields, whatever else the object carries). False when the cart is full or the
 * quantity would not be a safe integer.
 */
function mergeInto(lines: CartLine[], { offerId, skuId, quantity }: CartLine): boolean {
  const index = lines.findIndex((l) => isLine(l, offerId, skuId));
  if (index < 0) return lines.length < MAX_LINES && !!lines.push({ offerId, skuId, quantity });
  quantity += lines[index]!.quantity;
  return Number.isSafeInteger(quantity) && !!(lines[index] = { offerId, skuId, quantity });
}

/**
 * A cart kept under one storage key. Changes are written at once and announced to subscribers;
 * changes made in another tab arrive through the `storage` event.
 */
export class CartStore {
  readonly key: string;
  readonly #storage: Storage | null;
  #lines: readonly CartLine[];
  /**
   * The text last read from or written to the storage. A write that failed (quota, disabled
   * storage) leaves it as it was, so `reload()` does not read stale or missing text over the
   * lines this page still holds.
   */
  #stored: string | null | undefined;
  readonly #listeners = new Set<() => void>();
  readonly #onStorage = (event: StorageEvent): void => {
    if (event.key === this.key || event.key === null) this.reload();
  };

  constructor(key: string = DEFAULT_CART_KEY, storage: Storage | null = defaultStorage()) {
    this.key = key;
    this.#storage = storage;
    this.#stored = this.#read();
    this.#lines = parseCart(this.#stored ?? null);
  }

  /** The lines, in the order they were first added. */
  get lines(): readonly CartLine[] {
    return this.#lines;
  }

  /** Total units over all lines. */
  get count(): number {
    return this.#lines.reduce((sum, line) => sum + line.quantity, 0);
  }

  /** Adds units of a SKU (to its line when there is one). Returns false for a malformed line. */
  add(line: CartLine): boolean {
    const lines = [...this.#lines];
    return isCartLine(line) && mergeInto(lines, line) && this.#commit(lines);
  }

  /** Sets a line's quantity; `0` removes it. Returns false for an unknown line or a bad quantity. */
  setQuantity(offerId: string, skuId: string, quantity: number): boolean {
    if (quantity === 0) return this.remove(offerId, skuId);
    const index = this.#lines.findIndex((l) => isLine(l, offerId, skuId));
    if (index < 0 || !isQuantity(quantity)) return false;
    const lines = [...this.#lines];
    lines[index] = { offerId, skuId, quantity };
    return this.#commit(lines);
  }

  /** Removes a line. Returns false when there was none. */
  remove(offerId: string, skuId: string): boolean {
    const lines = this.#lines.filter((l) => !isLine(l, offerId, skuId));
    return lines.length < this.#lines.length && this.#commit(lines);
  }

  /** Empties the cart. */
  clear(): void {
    if (this.#lines.length) this.#commit([]);
  }

  /** Reads the stored lines again (they may have been changed behind this store's back). */
  reload(): void {
    const text = this.#read();
    if (text === undefined || text === this.#stored) return;
    this.#stored = text;
    if (text !== this.#text()) this.#set(parseCart(text));
  }

  /** Calls `listener` after every change (here or in another tab); returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    const listeners = this.#listeners;
    if (!listeners.size) globalThis.addEventListener?.('storage', this.#onStorage);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (!listeners.size) globalThis.removeEventListener?.('storage', this.#onStorage);
    };
  }

  /** What the storage holds for the lines: nothing for none. */
  #text(): string | null {
    return this.#lines.length ? JSON.stringify({ v: VERSION, lines: this.#lines }) : null;
  }

  /** The stored text; `undefined` when the storage cannot be read. */
  #read(): string | null | undefined {
    try {
      return this.#storage?.getItem(this.key);
    } catch {
      return undefined;
    }
  }

  #commit(lines: CartLine[]): true {
    this.#lines = lines;
    const text = this.#text();
    try {
      if (text === null) this.#storage?.removeItem(this.key);
      else this.#storage?.setItem(this.key, text);
      this.#stored = text;
    } catch {
      // Quota or security error: the cart still works for this page.
    }
    this.#set(lines);
    return true;
  }

  #set(lines: readonly CartLine[]): void {
    this.#lines = lines;
    for (const listener of [...this.#listeners]) listener();
  }
}

function defaultStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const shared = new Map<string, CartStore>();

/** The page's one store for `key`, so every cart using that key shows the same lines. */
export function cartStore(key: string = DEFAULT_CART_KEY): CartStore {
  let store = shared.get(key);
  if (!store) shared.set(key, (store = new CartStore(key)));
  return store;
}
