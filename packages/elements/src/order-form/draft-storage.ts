/**
 * The order form's draft: the quantities a buyer typed, per offer, kept in `localStorage` so
 * they survive a reload. Only SKU ids and whole numbers are ever written — never a name, phone
 * number or address (reliability.md: no PII in localStorage) — and the shape is checked on the
 * way in and out, so nothing else can slip through.
 */

const PREFIX = 'chainkit:order-draft:';
const VERSION = 1;

interface StoredDraft {
  v: number;
  /** SKU id → quantity (a positive safe integer). */
  q: Record<string, number>;
}

/** The `localStorage` key of an offer's draft. */
export function draftKey(offerId: string): string {
  return PREFIX + offerId;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage disabled (privacy mode, sandboxed iframe): drafts are simply not kept.
    return null;
  }
}

const isQuantity = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** The saved quantities of `offerId` (SKU id → quantity); empty when there is none or it is unreadable. */
export function loadDraft(offerId: string, store: Storage | null = storage()): Map<string, number> {
  const quantities = new Map<string, number>();
  const text = store?.getItem(draftKey(offerId));
  if (!text) return quantities;
  try {
    const parsed = JSON.parse(text) as Partial<StoredDraft> | null;
    if (parsed?.v !== VERSION || typeof parsed.q !== 'object' || parsed.q === null) return quantities;
    for (const [skuId, quantity] of Object.entries(parsed.q)) {
      if (isQuantity(quantity)) quantities.set(skuId, quantity);
    }
  } catch {
    // A corrupt draft is dropped, not fatal.
  }
  return quantities;
}

/**
 * Saves the positive whole quantities of `offerId`; removes the draft when there is none.
 * Quota or security errors are swallowed: a lost draft is not worth breaking the form over.
 */
export function saveDraft(
  offerId: string,
  quantities: Iterable<readonly [string, number]>,
  store: Storage | null = storage(),
): void {
  if (!store) return;
  const q: Record<string, number> = {};
  let any = false;
  for (const [skuId, quantity] of quantities) {
    if (isQuantity(quantity)) {
      q[skuId] = quantity;
      any = true;
    }
  }
  try {
    if (any) store.setItem(draftKey(offerId), JSON.stringify({ v: VERSION, q } satisfies StoredDraft));
    else store.removeItem(draftKey(offerId));
  } catch {
    // QuotaExceededError or SecurityError: keep going without a draft.
  }
}

/** Forgets the draft of `offerId` (after the order was placed). */
export function clearDraft(offerId: string, store: Storage | null = storage()): void {
  try {
    store?.removeItem(draftKey(offerId));
  } catch {
    // Ignore, as in saveDraft.
  }
}
