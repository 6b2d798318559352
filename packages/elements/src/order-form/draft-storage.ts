/**
 * The order form's draft: the quantities a buyer typed, per offer, kept in `localStorage` so
 * they survive a reload. Only SKU ids and whole numbers are ever written — never a name, phone
 * number or address (reliability.md: no PII in localStorage) — and the shape is checked on the
 * way in and out (`{ v: 1, q: { <SKU id>: <positive safe integer> } }`), so nothing else can slip
 * through. Storage errors (disabled in privacy mode or a sandboxed iframe, quota) are swallowed:
 * a lost draft is not worth breaking the form over.
 */

/** The `localStorage` key of an offer's draft. */
export const draftKey = (offerId: string): string => `chainkit:order-draft:${offerId}`;

/** The positive whole quantities among `entries`. */
const quantitiesOf = (entries: Iterable<readonly [string, unknown]>): [string, number][] =>
  [...entries].filter(
    (entry): entry is [string, number] => Number.isSafeInteger(entry[1]) && (entry[1] as number) > 0,
  );

// `store` is `localStorage` unless given, read inside each `try`: where storage is disabled,
// merely reading `localStorage` throws.

/** The saved quantities of `offerId` (SKU id → quantity); empty when there is none or it is unreadable. */
export function loadDraft(offerId: string, store?: Storage): Map<string, number> {
  try {
    const draft = JSON.parse((store ?? localStorage).getItem(draftKey(offerId)) ?? 'null') as {
      v?: unknown;
      q?: object;
    } | null;
    if (draft?.v === 1) return new Map(quantitiesOf(Object.entries(draft.q ?? {})));
  } catch {
    // A corrupt draft is dropped, not fatal.
  }
  return new Map();
}

/** Saves the positive whole quantities of `offerId`; removes the draft when there is none. */
export function saveDraft(
  offerId: string,
  quantities: Iterable<readonly [string, number]>,
  store?: Storage,
): void {
  const q = quantitiesOf(quantities);
  try {
    store ??= localStorage;
    if (q.length) store.setItem(draftKey(offerId), JSON.stringify({ v: 1, q: Object.fromEntries(q) }));
    else store.removeItem(draftKey(offerId));
  } catch {
    // QuotaExceededError or SecurityError: keep going without a draft.
  }
}

/** Forgets the draft of `offerId` (after the order was placed). */
export const clearDraft = (offerId: string, store?: Storage): void => saveDraft(offerId, [], store);
