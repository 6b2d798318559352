import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { FieldValues } from './buyer-fields.js';
import { renderFields } from './fields-view.js';
import type { Formats } from './format.js';
import type { RoutingPreview } from '@chainkit/core';
import { renderPreview } from './routing-view.js';

/** The state the ordering part of the form shows. */
export interface OrderingView {
  readonly values: FieldValues;
  readonly fieldErrors: ReadonlyMap<string, string>;
  readonly preview: RoutingPreview | undefined;
  readonly formError: string;
  /** Set while the buyer is asked to confirm a changed price. */
  readonly priceChange: { readonly previous: number; readonly total: number } | undefined;
  readonly busy: boolean;
  readonly disabled: boolean;
  /** The total the submit button names (the order's, minor units). */
  readonly total: number;
}

export interface OrderingHandlers {
  submit(event: SubmitEvent): void;
  input(event: Event): void;
  change(event: Event): void;
  confirmPrice(): void;
  cancelPrice(): void;
}

/** "The price has changed": the new total, and the buyer's choice to order at it or go back. */
function renderPriceChange(
  change: { readonly previous: number; readonly total: number },
  f: Formats,
  on: OrderingHandlers,
): TemplateResult {
  return html`<section part="price-changed" aria-labelledby="price-changed-title">
    <h3 id="price-changed-title" tabindex="-1">
      ${msg('The price has changed', { id: 'orderForm.priceChanged.title' })}
    </h3>
    <p>
      ${msg(
        str`The store's total for this order is now ${f.money(change.total)} (you saw ${f.money(change.previous)}). Nothing has been ordered yet.`,
        { id: 'orderForm.priceChanged.body' },
      )}
    </p>
    <p>
      ${msg('New total', { id: 'orderForm.priceChanged.newTotal' })}:
      <strong part="new-total">${f.money(change.total)}</strong>
    </p>
    <div class="actions">
      <button type="button" part="confirm-button" @click=${() => on.confirmPrice()}>
        ${msg(str`Place order at ${f.money(change.total)}`, { id: 'orderForm.priceChanged.confirm' })}
      </button>
      <button type="button" part="cancel-button" @click=${() => on.cancelPrice()}>
        ${msg('Back to the order', { id: 'orderForm.priceChanged.cancel' })}
      </button>
    </div>
  </section>`;
}

/**
 * The buyer and ship-to form, the routing preview, the form's error message and the submit
 * button (or, after a `price_changed`, the confirmation of the new total).
 */
export function renderOrdering(view: OrderingView, f: Formats, on: OrderingHandlers): TemplateResult {
  const { busy } = view;
  return html`<form
    part="form"
    novalidate
    aria-labelledby="order-title"
    @submit=${(event: SubmitEvent) => on.submit(event)}
    @input=${(event: Event) => on.input(event)}
    @change=${(event: Event) => on.change(event)}
  >
    <h3 id="order-title">${msg('Your details', { id: 'orderForm.details' })}</h3>
    ${renderFields(view.values, view.fieldErrors)} ${renderPreview(view.preview, f)}
    <p part="form-error" class="error" role="alert">${view.formError}</p>
    ${
      view.priceChange
        ? renderPriceChange(view.priceChange, f, on)
        : html`<div class="actions">
            <button type="submit" part="submit" id="submit" ?disabled=${busy || view.disabled}>
              ${
                busy
                  ? msg('Placing order…', { id: 'orderForm.submitting' })
                  : msg(str`Place order · ${f.money(view.total)}`, { id: 'orderForm.submit' })
              }
            </button>
            <span role="status"
              >${busy ? msg('Placing your order…', { id: 'orderForm.submittingStatus' }) : ''}</span
            >
          </div>`
    }
  </form>`;
}
