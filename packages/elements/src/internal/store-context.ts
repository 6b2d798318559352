import { ContextRoot, createContext } from '@lit/context';
import type { ChainApiClient } from './api-client-types.js';

/** What `<chain-store>` provides to the elements inside it. */
export interface StoreContextValue {
  /** The store's API client; `undefined` while the store has no `api` or `key`. */
  readonly client: ChainApiClient | undefined;
  /** The store's `locale` attribute, when set. */
  readonly locale: string | undefined;
  /** The store's `currency` attribute (ISO 4217), when set. */
  readonly currency: string | undefined;
}

/**
 * The `@lit/context` context `<chain-store>` provides and {@link StoreController} consumes.
 * Keyed by a symbol from this copy of Chainkit, so two copies on one page never mix.
 */
export const storeContext = createContext<StoreContextValue | undefined>(Symbol('chainkit.store'));

let rootAttached = false;

/**
 * Makes a store that is defined (upgraded) after the elements inside it still reach them: a
 * `ContextRoot` on the document keeps the elements' unanswered requests and replays them when a
 * provider appears. Idempotent; called by the controller and the store.
 */
export function ensureContextRoot(): void {
  if (rootAttached || typeof document === 'undefined') return;
  rootAttached = true;
  new ContextRoot().attach(document.documentElement);
}
