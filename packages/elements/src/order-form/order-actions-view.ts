import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

/** A `price_changed` answer: the total the buyer saw and the server's new one. */
export interface PriceChange {
  readonly previous: number;
  readonly total: number;
}

/**
 * The price-changed confirmation, shown instead of the submit button after a 409 `price_changed`:
 * the order is placed at the server's new total only once the buyer agrees to it. The heading
 * (`price-changed-title`, `tabindex="-1"`) is where the form moves the focus.
 *
 * @param onConfirm - Places the order at the new total (a handler of the element: Lit calls it on the host).
 * @param onCancel - Goes back to the order without placing it (likewise).
 */
export function renderPriceChange(
  change: PriceChange,
  money: (amount: number) => string,
  onConfirm: () => void,
  onCancel: () => void,
): TemplateResult {
  return html`<section part="price-changed" aria-labelledby="price-changed-title">
    <h3 id="price-changed-title" tabindex="-1">
      ${msg('The price has changed', { id: 'orderForm.priceChanged.title' })}
    </h3>
    <p>
      ${msg(
        str`The store's total for this order is now ${money(change.total)} (you saw ${money(change.previous)}). Nothing has been ordered yet.`,
        { id: 'orderForm.priceChanged.body' },
      )}
    </p>
    <p>
      ${msg('New total', { id: 'orderForm.priceChanged.newTotal' })}:
      <strong part="new-total">${money(change.total)}</strong>
    </p>
    <div class="actions">
      <button type="button" part="confirm-button" @click=${onConfirm}>
        ${msg(str`Place order at ${money(change.total)}`, { id: 'orderForm.priceChanged.confirm' })}
      </button>
      <button type="button" part="cancel-button" @click=${onCancel}>
        ${msg('Back to the order', { id: 'orderForm.priceChanged.cancel' })}
      </button>
    </div>
  </section>`;
}

/**
 * The submit button with the order's total on it, and a status that a screen reader announces
 * while the order is being placed (the button's own text changes too, but it is not a live region).
 *
 * @param busy - An order is in flight.
 * @param subtotal - The order's total over all offers.
 */
export function renderSubmit(
  busy: boolean,
  disabled: boolean,
  subtotal: number,
  money: (amount: number) => string,
): TemplateResult {
  return html`<div class="actions">
    <button type="submit" part="submit" id="submit" ?disabled=${disabled}>
      ${
        busy
          ? msg('Placing order…', { id: 'orderForm.submitting' })
          : msg(str`Place order · ${money(subtotal)}`, {
              id: 'orderForm.submit',
            })
      }
    </button>
    <span role="status">${busy ? msg('Placing your order…', { id: 'orderForm.submittingStatus' }) : ''}</span>
  </div>`;
}
