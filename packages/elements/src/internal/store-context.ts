import type { Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChainApiClient } from './api-client-types.js';

/** What `<chain-store>` provides to the elements inside it. */
export interface StoreContextValue {
  /** The store's API client; `undefined` while the store has no `api` or `key`. */
  readonly client: ChainApiClient | undefined;
  /** The store's `locale` attribute, when set. */
  readonly locale: string | undefined;
  /** The store's `currency` attribute (ISO 4217), trimmed and upper-cased, when set. */
  readonly currency: string | undefined;
}

/**
 * The context `<chain-store>` provides and {@link StoreController} consumes, by the Context
 * Community Protocol (`context-request` events), so a `@lit/context` `ContextConsumer` in the
 * page's own Lit code can read it too. Keyed by a symbol from this copy of Chainkit, so two
 * copies on one page never mix.
 */
export const storeContext = Symbol('chainkit.store') as Context<symbol, StoreContextValue | undefined>;

/** Called with the store's value, now and (subscribed) on every change. */
type StoreCallback = (value: StoreContextValue | undefined, unsubscribe?: () => void) => void;

/** The protocol's request, as any implementation sends it. */
interface ContextRequest extends Event {
  readonly context: unknown;
  readonly contextTarget?: Element;
  readonly callback: StoreCallback;
  readonly subscribe?: boolean;
}

/**
 * Elements whose request no store answered (none around them, or not defined yet): asked again
 * whenever a store connects, so a store upgraded after the elements inside it still reaches them.
 */
const unanswered = new Set<StoreConsumer>();

/** Reads the nearest store's value, following changes; the host re-renders on each. */
export class StoreConsumer implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #value: StoreContextValue | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The store's value; `undefined` outside a store. */
  get value(): StoreContextValue | undefined {
    return this.#value;
  }

  hostConnected(): void {
    this.request();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    unanswered.delete(this);
  }

  /** Asks the nearest store for its value (again). */
  request(): void {
    let answered = false;
    const callback: StoreCallback = (value, unsubscribe) => {
      answered = true;
      if (unsubscribe !== this.#unsubscribe) this.#unsubscribe?.();
      this.#unsubscribe = unsubscribe;
      if (value !== this.#value) {
        this.#value = value;
        this.#host.requestUpdate();
      }
    };
    // A `context-request` event for {@link storeContext}, subscribing (the protocol's shape).
    this.#host.dispatchEvent(
      Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
        context: storeContext,
        contextTarget: this.#host,
        callback,
        subscribe: true,
      }),
    );
    if (answered) {
      unanswered.delete(this);
    } else {
      unanswered.add(this);
      // Moved out of its store: no store's value any more.
      if (this.#value !== undefined) {
        this.#value = undefined;
        this.#host.requestUpdate();
      }
    }
  }
}

/** Answers the requests of the elements inside its host with a value, and tells them of changes. */
export class StoreProvider implements ReactiveController {
  readonly #host: HTMLElement;
  readonly #subscribers = new Map<StoreCallback, () => void>();
  #value: StoreContextValue | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, value: StoreContextValue) {
    this.#host = host;
    this.#value = value;
    host.addEventListener('context-request', this.#onRequest);
    host.addController(this);
  }

  hostConnected(): void {
    for (const consumer of [...unanswered]) consumer.request();
  }

  /** Sets the value and hands it to every subscribed element. */
  setValue(value: StoreContextValue): void {
    this.#value = value;
    for (const [callback, unsubscribe] of this.#subscribers) callback(value, unsubscribe);
  }

  readonly #onRequest = (event: Event): void => {
    const request = event as ContextRequest;
    // The host's own request (a store inside a store) goes on to the store around it.
    if (request.context !== storeContext || request.contextTarget === this.#host) return;
    event.stopPropagation();
    const { callback } = request;
    const unsubscribe = (): void => void this.#subscribers.delete(callback);
    if (request.subscribe) this.#subscribers.set(callback, unsubscribe);
    callback(this.#value, unsubscribe);
  };
}
