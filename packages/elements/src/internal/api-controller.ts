import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChainApiClient } from './api-client-types.js';
import { LocaleController } from './locale.js';
import { ensureLocalization, setChainLocale } from './localization.js';
import { sharedClient } from './shared-client.js';
import { StoreConsumer, type StoreContextValue } from './store-context.js';

/**
 * An element that uses {@link StoreController}: it may declare its own `api`, `key`, `locale`
 * and `currency` reactive properties (all optional).
 */
export type StoreHost = ReactiveControllerHost &
  HTMLElement & {
    api?: string | null | undefined;
    key?: string | null | undefined;
    locale?: string | null | undefined;
    currency?: string | null | undefined;
  };

/**
 * Gives an element its API client, locale and currency, from the enclosing `<chain-store>` or
 * from its own attributes. Add it in the constructor:
 *
 * ```ts
 * static override properties = { api: {}, key: {}, locale: {}, currency: {} };
 * readonly store: StoreController;
 * constructor() {
 *   super();
 *   updateWhenLocaleChanges(this);
 *   this.store = new StoreController(this);
 * }
 * async load() { const offer = await this.store.client?.getOffer(id, { signal }); }
 * render() { formatMoney(amount, this.store.currency ?? offer.currency, this.store.locale); }
 * ```
 *
 * - `client`: built from the host's own `api` + `key` when it has both (explicit beats
 *   inherited; shared with other elements using the same pair), else the store's client, else
 *   `undefined` (render a "not configured" state rather than throwing).
 * - `locale`: the host's own `locale` → the store's → `resolveLocale()` (nearest `lang`,
 *   `<html lang>`, browser).
 * - `currency`: the host's own `currency` → the store's → `undefined`.
 *
 * The host re-renders when the store's value changes (it subscribes to the context) or when a
 * `lang` that decides its locale changes. The controller also sets the page's text language
 * (`setChainLocale`, one per page): whenever the host's own `locale` is set or changes, and,
 * outside a store, when a `lang` change moves the host's resolved locale; otherwise the store
 * sets it. With conflicting explicit locales on one page, the latest change wins. Read
 * `clientChanged` in `willUpdate` to refetch when the client changed.
 */
export class StoreController implements ReactiveController {
  readonly #host: StoreHost;
  readonly #consumer: StoreConsumer;
  readonly #locale: LocaleController;
  #lastLocale: string | undefined;
  #lastClient: ChainApiClient | undefined;

  readonly #requireKey: boolean;

  /**
   * @param options.requireKey - Default true. `false` for an element whose only call carries
   *   its own credential (`<chain-order-status>` reads an order with the order's access token):
   *   outside a store, `api` alone is then enough for a client.
   */
  constructor(host: StoreHost, options: { requireKey?: boolean } = {}) {
    this.#host = host;
    this.#requireKey = options.requireKey ?? true;
    ensureLocalization();
    this.#consumer = new StoreConsumer(host);
    this.#locale = new LocaleController(host, {
      own: () => host.locale,
      store: () => this.store?.locale,
    });
    host.addController(this);
  }

  /** The enclosing store's value, or `undefined` outside a store. */
  get store(): StoreContextValue | undefined {
    return this.#consumer.value;
  }

  /** True inside a `<chain-store>`. */
  get inStore(): boolean {
    return this.#consumer.value !== undefined;
  }

  /** The API client to use, or `undefined` when neither the host nor a store configures one. */
  get client(): ChainApiClient | undefined {
    return sharedClient(this.#host.api, this.#host.key, this.#requireKey) ?? this.store?.client;
  }

  /** The locale to format in (a canonical BCP 47 tag). */
  get locale(): string {
    return this.#locale.locale;
  }

  /** The ISO 4217 currency to show, when the host or the store names one. */
  get currency(): string | undefined {
    const own = this.#host.currency?.trim();
    return own ? own.toUpperCase() : this.store?.currency;
  }

  /**
   * True from `willUpdate()` through `render()` of the update in which `client` is a different
   * client than in the previous update (including the first update that has one); read it there
   * to refetch. (Not in `updated()`: the controller has moved on to this update's client.)
   */
  get clientChanged(): boolean {
    return this.client !== this.#lastClient;
  }

  /** After render: this update's client is the one the next update compares with. */
  hostUpdated(): void {
    this.#lastClient = this.client;
  }

  hostUpdate(): void {
    const locale = this.locale;
    if (locale !== this.#lastLocale) {
      // An explicit own locale always sets the text language (in a store too). Otherwise,
      // outside a store, a change of the page's lang does; the first observation does not, as
      // the page's language was applied when localization was configured.
      const first = this.#lastLocale === undefined;
      this.#lastLocale = locale;
      const own = !!this.#host.locale?.trim();
      if (own || (!this.inStore && !first)) void setChainLocale(locale);
    }
  }
}
