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
const MAX_LINES = 1000;

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 100;
const isQuantity = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** True when `line` is a well-formed cart line. */
export function isCartLine(line: unknown): line is CartLine {
  const candidate = line as Partial<CartLine> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    isId(candidate.offerId) &&
    isId(candidate.skuId) &&
    isQuantity(candidate.quantity)
  );
}

function defaultStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Parses a stored cart, keeping only well-formed lines (and merging repeats). */
export function parseCart(text: string | null): CartLine[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as { v?: unknown; lines?: unknown } | null;
    if (parsed?.v !== VERSION || !Array.isArray(parsed.lines)) return [];
    const lines: CartLine[] = [];
    for (const line of parsed.lines as unknown[]) {
      if (isCartLine(line)) mergeInto(lines, line);
    }
    return lines.slice(0, MAX_LINES);
  } catch {
    return [];
  }
}

/**
 * Adds `line` to `lines` in place: to the quantity of the same SKU, else as a new line (a copy of
 * its three fields, whatever else the object carries).
 */
function mergeInto(lines: CartLine[], line: CartLine): boolean {
  const index = lines.findIndex((l) => l.offerId === line.offerId && l.skuId === line.skuId);
  if (index === -1) {
    if (lines.length >= MAX_LINES) return false;
    lines.push({ offerId: line.offerId, skuId: line.skuId, quantity: line.quantity });
    return true;
  }
  const existing = lines[index]!;
  const quantity = existing.quantity + line.quantity;
  if (!Number.isSafeInteger(quantity)) return false;
  lines[index] = { ...existing, quantity };
  return true;
}

/**
 * A cart kept under one storage key. Changes are written at once and announced to subscribers;
 * changes made in another tab arrive through the `storage` event.
 */
export class CartStore {
  readonly key: string;
  readonly #storage: Storage | null;
  #lines: readonly CartLine[];
  readonly #listeners = new Set<() => void>();
  readonly #onStorage = (event: StorageEvent): void => {
    if (event.key !== this.key && event.key !== null) return;
    this.#lines = parseCart(this.#read());
    this.#notify();
  };

  constructor(key: string = DEFAULT_CART_KEY, storage: Storage | null = defaultStorage()) {
    this.key = key;
    this.#storage = storage;
    this.#lines = parseCart(this.#read());
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
    if (!isCartLine(line)) return false;
    const lines = [...this.#lines];
    if (!mergeInto(lines, line)) return false;
    this.#commit(lines);
    return true;
  }

  /** Sets a line's quantity; `0` removes it. Returns false for an unknown line or a bad quantity. */
  setQuantity(offerId: string, skuId: string, quantity: number): boolean {
    if (quantity === 0) return this.remove(offerId, skuId);
    if (!isQuantity(quantity)) return false;
    const index = this.#lines.findIndex((l) => l.offerId === offerId && l.skuId === skuId);
    if (index === -1) return false;
    const lines = [...this.#lines];
    lines[index] = { offerId, skuId, quantity };
    this.#commit(lines);
    return true;
  }

  /** Removes a line. Returns false when there was none. */
  remove(offerId: string, skuId: string): boolean {
    const lines = this.#lines.filter((l) => !(l.offerId === offerId && l.skuId === skuId));
    if (lines.length === this.#lines.length) return false;
    this.#commit(lines);
    return true;
  }

  /** Empties the cart. */
  clear(): void {
    if (this.#lines.length > 0) this.#commit([]);
  }

  /** Reads the stored lines again (they may have been changed behind this store's back). */
  reload(): void {
    const text = this.#read();
    if (text === (this.#lines.length === 0 ? null : JSON.stringify({ v: VERSION, lines: this.#lines })))
      return;
    this.#lines = parseCart(text);
    this.#notify();
  }

  /** Calls `listener` after every change (here or in another tab); returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    if (this.#listeners.size === 0) globalThis.addEventListener?.('storage', this.#onStorage);
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) globalThis.removeEventListener?.('storage', this.#onStorage);
    };
  }

  #read(): string | null {
    try {
      return this.#storage?.getItem(this.key) ?? null;
    } catch {
      return null;
    }
  }

  #commit(lines: CartLine[]): void {
    this.#lines = lines;
    try {
      if (lines.length === 0) this.#storage?.removeItem(this.key);
      else this.#storage?.setItem(this.key, JSON.stringify({ v: VERSION, lines }));
    } catch {
      // Quota or security error: the cart still works for this page.
    }
    this.#notify();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

const shared = new Map<string, CartStore>();

/** The page's one store for `key`, so every cart using that key shows the same lines. */
export function cartStore(key: string = DEFAULT_CART_KEY): CartStore {
  let store = shared.get(key);
  if (store === undefined) {
    store = new CartStore(key);
    shared.set(key, store);
  }
  return store;
}
