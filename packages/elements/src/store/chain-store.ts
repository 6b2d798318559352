import { html, type PropertyValues } from 'lit';
import type { ChainApiClient } from '../internal/api-client-types.js';
import { createApiClient } from '../internal/api-client.js';
import { ChainElement, hostStyles } from '../internal/chain-element.js';
import { LocaleController } from '../internal/locale.js';
import { ensureLocalization, setChainLocale } from '../internal/localization.js';
import { StoreProvider, type StoreContextValue } from '../internal/store-context.js';
import styles from './chain-store.styles.js';

/**
 * @summary Connects the Chainkit elements inside it to an order server and sets their locale and
 * currency: `<chain-store api="https://orders.example" key="pk_live_…" locale="zh-CN"
 * currency="CNY">…</chain-store>`.
 *
 * @description Provides one API client (made from `api` and `key`; re-created when either
 * changes) and the `locale` and `currency` settings to every Chainkit element among its
 * descendants, across shadow roots, by the Context Community Protocol (`context-request` events,
 * as `@lit/context` uses). The elements inside may still set their own `locale`, `currency`, or
 * `api` + `key`, which win over the store's.
 *
 * The store also sets the language of the elements' text (English, or Chinese for any `zh…`
 * locale) for the page: from its `locale`, else from its nearest `lang` attribute; it follows
 * changes of either at run time.
 *
 * It draws nothing itself (`display: contents`), so it can wrap any layout.
 *
 * @slot - The page content with Chainkit elements.
 */
export class ChainStore extends ChainElement {
  static override styles = [hostStyles, styles];

  static override properties = { api: {}, key: {}, locale: {}, currency: {} };

  /** Base URL of the order server, e.g. `https://orders.example` or `/api`. */
  declare api: string | undefined;
  /** Publishable key, `pk_test_…` or `pk_live_…`. */
  declare key: string | undefined;
  /** BCP 47 locale for the elements inside, e.g. `zh-CN`. Default: the page's `lang`. */
  declare locale: string | undefined;
  /** ISO 4217 currency the elements show prices in, e.g. `CNY`. */
  declare currency: string | undefined;

  readonly #provider: StoreProvider;
  readonly #locale = new LocaleController(this, { own: () => this.locale });
  #client: ChainApiClient | undefined;
  #appliedLocale: string | undefined;

  constructor() {
    super();
    ensureLocalization();
    this.#provider = new StoreProvider(this, this.#value());
  }

  /** The client the store provides; `undefined` until both `api` and `key` are set. */
  get client(): ChainApiClient | undefined {
    return this.#client;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('api') || changed.has('key')) {
      const api = this.api?.trim();
      const key = this.key?.trim();
      this.#client = api && key ? createApiClient({ api, key }) : undefined;
    }
    if (changed.has('api') || changed.has('key') || changed.has('locale') || changed.has('currency')) {
      this.#provider.setValue(this.#value());
    }
    // Every update, not only when `locale` changed: the LocaleController asks for one when a
    // `lang` above the store changes.
    const locale = this.#locale.locale;
    if (locale !== this.#appliedLocale) {
      this.#appliedLocale = locale;
      void setChainLocale(locale);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a move: take the page's text language back.
    if (this.#appliedLocale !== undefined) void setChainLocale(this.#appliedLocale);
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #value(): StoreContextValue {
    return {
      client: this.#client,
      locale: this.locale?.trim() || undefined,
      currency: this.currency?.trim().toUpperCase() || undefined,
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chain-store': ChainStore;
  }
}
