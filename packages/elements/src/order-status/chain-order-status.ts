import {
  countFormat,
  formatMoney,
  type FactoryOrderStatus,
  type FactoryOrderView,
  type OrderResponse,
  type OrderStatus,
} from '@chainkit/core';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ChainApiClient } from '../internal/api-client-types.js';
import { StoreController } from '../internal/api-controller.js';
import { ChainApiError } from '../internal/api-error.js';
import { ChainElement, hostStyles } from '../internal/chain-element.js';
import { RefreshController } from '../internal/refresh-controller.js';
import styles from './chain-order-status.styles.js';
import { consistent, isFinal, statusChanged } from './order-progress.js';

/** Detail of `chain-order-status-change`. */
export interface OrderStatusChangeDetail {
  readonly orderId: string;
  /** The order's status now. */
  readonly status: OrderStatus;
  /** Its status at the previous load (may equal `status` when only a sub-order changed). */
  readonly previousStatus: OrderStatus;
  /** The order as just loaded. */
  readonly order: OrderResponse;
}

/** Detail of `chain-order-status-error`. */
export interface OrderStatusErrorDetail {
  readonly orderId: string;
  /** `not_found`, `network_error`, or another `ChainApiError` code. */
  readonly code: string;
  /** True when it happened while refreshing an order already shown (which stays shown). */
  readonly duringRefresh: boolean;
}

declare module '../internal/events.js' {
  interface ChainEventMap {
    'chain-order-status-change': OrderStatusChangeDetail;
    'chain-order-status-error': OrderStatusErrorDetail;
  }
}

type ViewState = 'unconfigured' | 'loading' | 'ready' | 'error';

const DEFAULT_REFRESH_SECONDS = 30;

/**
 * @summary Shows where an order stands, one timeline per factory sub-order: placed, accepted
 * (or rejected, with the factory's reason), shipped with carrier and tracking number, and the
 * estimated ship date. Refreshes itself while it is on screen.
 *
 * @description `<chain-order-status order="ord_…" token="ot_…">` reads `GET /v1/orders/:id`
 * with the order's access token (returned when the order was placed), through the client of the
 * enclosing `<chain-store>` or its own `api` attribute. The token is sent in the `Authorization`
 * header only; it never goes into a URL or storage.
 *
 * While open it polls every `refresh` seconds (default 30; `0` turns polling off), pauses while
 * the page is hidden, refreshes at once when the page is shown again, stops when the element is
 * removed, and stops for good once every sub-order is shipped or rejected.
 *
 * States: loading (a skeleton of the same height as the order, so nothing moves when it
 * arrives), the order, an error with a retry button, and "no order" when `order` or `token` is
 * missing. A failed refresh keeps the order on screen with a note. A polite live region
 * announces the order's status when it changes.
 *
 * @fires chain-order-status-change - The order's status or a sub-order's status changed since the
 *   previous load (not on the first load). `detail: { orderId, status, previousStatus, order }`.
 * @fires chain-order-status-error - Loading failed. `detail: { orderId, code, duringRefresh }`.
 *
 * @csspart base - The frame around everything; keeps its minimum height in every state.
 * @csspart heading - The order number heading.
 * @csspart badge - A status badge (the order's and each sub-order's); `data-status` holds the status.
 * @csspart status - The order's status badge (also has `badge`).
 * @csspart summary - Total, placed and updated times.
 * @csspart sub-order - One factory's section.
 * @csspart timeline - A sub-order's list of steps.
 * @csspart step - One step; also one of `step-done`, `step-current`, `step-pending`, `step-failed`.
 * @csspart tracking - The tracking number.
 * @csspart notice - The "could not refresh" note.
 * @csspart error - The error message and retry button.
 * @csspart retry-button - The retry button.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --chain-order-status-min-height - Height reserved in every state (a one-factory order fits). Default `21rem`.
 * @cssprop --chain-color-primary - Retry button, current step.
 * @cssprop --chain-color-success - Done steps, shipped and accepted badges.
 * @cssprop --chain-color-danger - Errors, rejected steps and badges.
 * @cssprop --chain-color-text - Text.
 * @cssprop --chain-color-surface - Background.
 * @cssprop --chain-color-border - Frame, timeline and skeleton.
 */
export class ChainOrderStatus extends ChainElement {
  static override styles = [hostStyles, styles];

  static override properties = {
    order: { type: String },
    token: { type: String },
    refresh: { type: Number },
    api: { type: String },
    key: { type: String },
    locale: { type: String },
    _state: { state: true },
    _data: { state: true },
    _error: { state: true },
    _refreshError: { state: true },
  };

  /** The order id, `ord_…`. */
  declare order: string | undefined;
  /** The order's access token, `ot_…`. */
  declare token: string | undefined;
  /** Seconds between refreshes while shown; `0` turns polling off. Default 30. */
  declare refresh: number;
  /** Order server base URL, when not inside a `<chain-store>`. */
  declare api: string | undefined;
  /** Publishable key; optional here (the order is read with its token). */
  declare key: string | undefined;
  /** BCP 47 locale; default the store's, else the page's. */
  declare locale: string | undefined;

  declare _state: ViewState;
  declare _data: OrderResponse | undefined;
  declare _error: ChainApiError | undefined;
  declare _refreshError: ChainApiError | undefined;

  readonly store: StoreController;
  readonly #poll: RefreshController;
  #client: ChainApiClient | undefined;
  #abort: AbortController | undefined;
  #loadedAt: Date | undefined;
  #factoryNames = new Map<string, string>();

  constructor() {
    super();
    this.refresh = DEFAULT_REFRESH_SECONDS;
    this._state = 'unconfigured';
    updateWhenLocaleChanges(this);
    this.store = new StoreController(this, { requireKey: false });
    this.#poll = new RefreshController(this, {
      intervalMs: () =>
        Number.isFinite(this.refresh) ? this.refresh * 1000 : DEFAULT_REFRESH_SECONDS * 1000,
      refresh: () => this.#load(true),
      active: () => this._state === 'ready' && !!this._data && !isFinal(this._data),
    });
  }

  /** The order as last loaded, or `undefined`. */
  get data(): OrderResponse | undefined {
    return this._data;
  }

  /** Loads the order now (what the retry button does). Resolves when the load settled. */
  async reload(): Promise<void> {
    await this.#load(this._state === 'ready');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-inserted after a removal: the poll stopped, so catch up once. A load the removal aborted
    // (the skeleton still shows) starts again, or the element would wait for it forever.
    if (this.hasUpdated && (this._data || this._state === 'loading')) void this.#load(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.store.client;
    if (client !== this.#client || changed.has('order') || changed.has('token')) {
      this.#client = client;
      if (changed.has('order')) this._data = undefined;
      void this.#load(false);
    }
    if (changed.has('refresh')) this.#poll.restart();
  }

  /** Loads the order; `refreshing` keeps the current order on screen while it loads. */
  async #load(refreshing: boolean): Promise<void> {
    this.#abort?.abort();
    const client = this.#client;
    const id = this.order?.trim();
    const token = this.token?.trim();
    if (!client || !id || !token) {
      this._state = 'unconfigured';
      this._data = undefined;
      return;
    }
    const controller = new AbortController();
    this.#abort = controller;
    if (!refreshing || !this._data) {
      this._state = 'loading';
      this._error = undefined;
    }
    void this.#loadFactoryNames(client);
    try {
      const order = consistent(await client.getOrder(id, token, { signal: controller.signal }));
      if (controller.signal.aborted) return;
      const previous = this._data;
      this._data = order;
      this._state = 'ready';
      this._error = undefined;
      this._refreshError = undefined;
      this.#loadedAt = new Date();
      if (previous && previous.id === order.id && statusChanged(previous, order)) {
        this.emit('chain-order-status-change', {
          orderId: order.id,
          status: order.status,
          previousStatus: previous.status,
          order,
        });
      }
    } catch (cause) {
      if (controller.signal.aborted) return;
      const error =
        cause instanceof ChainApiError
          ? cause
          : new ChainApiError({ status: 0, code: 'internal_error', message: String(cause) });
      const duringRefresh = refreshing && !!this._data;
      if (duringRefresh) {
        this._refreshError = error;
      } else {
        this._state = 'error';
        this._error = error;
      }
      this.emit('chain-order-status-error', { orderId: id, code: error.code, duringRefresh });
    } finally {
      if (this.#abort === controller) {
        this.#abort = undefined;
        this.#poll.restart();
      }
    }
  }

  /** Factory names for the headings; ids are shown until (or unless) they load. */
  async #loadFactoryNames(client: ChainApiClient): Promise<void> {
    try {
      const factories = await client.listFactories();
      if (client !== this.#client) return;
      const names = new Map(factories.map((f) => [f.id, f.name]));
      if (names.size !== this.#factoryNames.size) {
        this.#factoryNames = names;
        this.requestUpdate();
      }
    } catch {
      // Optional: an older server without /v1/factories, or a store key that cannot read it.
    }
  }

  protected override render() {
    const busy = this._state === 'loading';
    return html`<div part="base" aria-busy=${busy ? 'true' : 'false'}>
      <p role="status" class="visually-hidden">${this.#liveText()}</p>
      ${this.#content()}
    </div>`;
  }

  #liveText(): string {
    if (this._state === 'loading') return msg('Loading order…', { id: 'status.loading' });
    if (this._state === 'ready' && this._data) {
      return msg(str`Order status: ${orderStatusLabel(this._data.status)}`, { id: 'status.live' });
    }
    return '';
  }

  #content(): TemplateResult | typeof nothing {
    switch (this._state) {
      case 'loading':
        return html`<div part="skeleton" class="skeleton">
          <div class="bone wide"></div>
          <div class="bone"></div>
          <div class="bone block"></div>
          <div class="bone block"></div>
        </div>`;
      case 'error':
        return this.#errorView();
      case 'ready':
        return this._data ? this.#orderView(this._data) : nothing;
      default:
        return html`<p>${msg('No order to show.', { id: 'status.error.unconfigured' })}</p>`;
    }
  }

  #errorView(): TemplateResult {
    const code = this._error?.code;
    const text =
      code === 'not_found'
        ? msg("We couldn't find this order. Check the link you followed.", { id: 'status.error.notFound' })
        : code === 'network_error'
          ? msg("Couldn't reach the store. Check your connection and try again.", {
              id: 'status.error.network',
            })
          : msg('The order status could not be loaded right now.', { id: 'status.error.generic' });
    return html`<div part="error" role="alert">
      <p>${text}</p>
      <button part="retry-button" type="button" @click=${() => void this.reload()}>
        ${msg('Try again', { id: 'status.retry' })}
      </button>
    </div>`;
  }

  #orderView(order: OrderResponse): TemplateResult {
    const locale = this.store.locale;
    return html`<header>
        <h3 part="heading">${msg(str`Order ${order.id}`, { id: 'status.heading' })}</h3>
        <span part="badge status" data-status=${order.status}>${orderStatusLabel(order.status)}</span>
      </header>
      <dl part="summary" class="meta">
        <div>
          <dt>${msg('Total', { id: 'status.total' })}</dt>
          <dd>${money(order.total, order.currency, locale)}</dd>
        </div>
        <div>
          <dt>${msg('Placed', { id: 'status.placed' })}</dt>
          <dd>${formatInstant(order.createdAt, locale)}</dd>
        </div>
        ${
          this.#loadedAt
            ? html`<div>
                <dt>${msg('Updated', { id: 'status.updated' })}</dt>
                <dd>${formatTime(this.#loadedAt, locale)}</dd>
              </div>`
            : nothing
        }
      </dl>
      ${
        this._refreshError && this.#loadedAt
          ? html`<p part="notice">
              ${msg(str`Couldn't refresh; showing the status as of ${formatTime(this.#loadedAt, locale)}.`, {
                id: 'status.refreshFailed',
              })}
            </p>`
          : nothing
      }
      ${order.factoryOrders.map((fo, i) => this.#subOrderView(order, fo, i, locale))}`;
  }

  #subOrderView(order: OrderResponse, fo: FactoryOrderView, index: number, locale: string): TemplateResult {
    const name = this.#factoryNames.get(fo.factoryId) ?? fo.factoryId;
    const quantity = fo.lines.reduce((sum, line) => sum + line.quantity, 0);
    const headingId = `sub-order-${index}`;
    return html`<section part="sub-order" aria-labelledby=${headingId} data-factory=${fo.factoryId}>
      <div class="sub-head">
        <h4 id=${headingId}>${msg(str`Factory: ${name}`, { id: 'status.factory' })}</h4>
        <span part="badge" data-status=${fo.status}>${factoryStatusLabel(fo.status)}</span>
      </div>
      <dl class="meta">
        <div>
          <dt>${msg('Quantity', { id: 'status.quantity' })}</dt>
          <dd>${countFormat(locale)(quantity)}</dd>
        </div>
        <div>
          <dt>${msg('Subtotal', { id: 'status.subtotal' })}</dt>
          <dd>${money(fo.subtotal, order.currency, locale)}</dd>
        </div>
      </dl>
      <ol part="timeline" aria-label=${msg(str`Progress at ${name}`, { id: 'status.timeline' })}>
        ${this.#steps(order, fo, locale)}
      </ol>
    </section>`;
  }

  #steps(order: OrderResponse, fo: FactoryOrderView, locale: string): TemplateResult[] {
    const placed = step('done', msg('Order placed', { id: 'status.step.placed' }), [
      formatInstant(order.createdAt, locale),
    ]);
    const estimate = msg(str`Estimated ship date: ${formatDay(fo.estimatedShipDate, locale)}`, {
      id: 'status.step.estimated',
    });
    switch (fo.status) {
      case 'placed':
        return [
          placed,
          step('current', msg('Waiting for the factory to accept', { id: 'status.step.awaitingAcceptance' })),
          step('pending', msg('Not shipped yet', { id: 'status.step.notShipped' }), [estimate]),
        ];
      case 'accepted':
        return [
          placed,
          step('done', msg('Accepted by the factory', { id: 'status.step.accepted' })),
          step('current', msg('Not shipped yet', { id: 'status.step.notShipped' }), [estimate]),
        ];
      case 'rejected':
        return [
          placed,
          step(
            'failed',
            msg('Rejected by the factory', { id: 'status.step.rejected' }),
            fo.rejectionReason ? [msg(str`Reason: ${fo.rejectionReason}`, { id: 'status.step.reason' })] : [],
          ),
          step('pending', msg('Will not ship', { id: 'status.step.wontShip' })),
        ];
      case 'shipped':
        return [
          placed,
          step('done', msg('Accepted by the factory', { id: 'status.step.accepted' })),
          step('done', msg('Shipped', { id: 'status.step.shipped' }), shipmentLines(fo, locale)),
        ];
    }
  }
}

type StepKind = 'done' | 'current' | 'pending' | 'failed';

function step(
  kind: StepKind,
  title: string,
  details: readonly (string | TemplateResult)[] = [],
): TemplateResult {
  const state =
    kind === 'done'
      ? msg('Completed', { id: 'status.stepDone' })
      : kind === 'current'
        ? msg('In progress', { id: 'status.stepCurrent' })
        : kind === 'failed'
          ? msg('Stopped', { id: 'status.stepFailed' })
          : msg('Not started', { id: 'status.stepPending' });
  return html`<li part="step step-${kind}" aria-current=${kind === 'current' ? 'step' : nothing}>
    <span class="visually-hidden">${state}: </span>
    <span class="step-title">${title}</span>
    ${details.map((detail) => html`<div class="step-detail">${detail}</div>`)}
  </li>`;
}

function shipmentLines(fo: FactoryOrderView, locale: string): TemplateResult[] {
  const shipment = fo.shipment;
  if (!shipment) return [];
  return [
    html`${formatInstant(shipment.shippedAt, locale)}`,
    html`${msg('Carrier:', { id: 'status.step.carrier' })} ${shipment.carrier}`,
    html`${msg('Tracking number:', { id: 'status.step.tracking' })}
      <span part="tracking" class="tracking">${shipment.trackingNumber}</span>`,
  ];
}

function orderStatusLabel(status: OrderStatus): string {
  switch (status) {
    case 'placed':
      return msg('Placed', { id: 'status.order.placed' });
    case 'partially_accepted':
      return msg('Partly accepted', { id: 'status.order.partially_accepted' });
    case 'accepted':
      return msg('Accepted', { id: 'status.order.accepted' });
    case 'partially_shipped':
      return msg('Partly shipped', { id: 'status.order.partially_shipped' });
    case 'shipped':
      return msg('Shipped', { id: 'status.order.shipped' });
    case 'rejected':
      return msg('Rejected', { id: 'status.order.rejected' });
  }
}

function factoryStatusLabel(status: FactoryOrderStatus): string {
  switch (status) {
    case 'placed':
      return msg('Awaiting acceptance', { id: 'status.fo.placed' });
    case 'accepted':
      return msg('Accepted', { id: 'status.fo.accepted' });
    case 'rejected':
      return msg('Rejected', { id: 'status.fo.rejected' });
    case 'shipped':
      return msg('Shipped', { id: 'status.fo.shipped' });
  }
}

function money(amount: number, currency: string, locale: string): string {
  try {
    return formatMoney(amount, currency, locale);
  } catch {
    return `${amount} ${currency}`;
  }
}

function formatInstant(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function formatTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
}

/** A `YYYY-MM-DD` calendar day, formatted as that day wherever the buyer is. */
function formatDay(day: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

declare global {
  interface HTMLElementTagNameMap {
    'chain-order-status': ChainOrderStatus;
  }
}
