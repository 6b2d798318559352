import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

/**
 * While the offer loads: a status line for screen readers and a skeleton holding the space the
 * form will take, so the page does not jump when it arrives.
 */
export const renderLoading = (): TemplateResult =>
  html`<div part="base" aria-busy="true">
    <p part="status" role="status">${msg('Loading the offer…', { id: 'orderForm.loading' })}</p>
    <div class="skeleton" aria-hidden="true"></div>
  </div>`;

/**
 * The offer could not be loaded: why (an alert), and a way to try again without reloading the
 * page. The button is where `focus()` goes in this state.
 *
 * @param onRetry - Loads the offer again (a handler of the element: Lit calls it on the host).
 */
// The button's line breaks are text nodes of the DOM: kept as they were.
// prettier-ignore
export const renderLoadError = (message: string, onRetry: () => void): TemplateResult =>
  html`<div part="base">
    <p part="error" role="alert" class="error">${message}</p>
    <div class="actions">
      <button type="button" @click=${onRetry}>
        ${msg('Try again', { id: 'orderForm.retry' })}
      </button>
    </div>
  </div>`;

/** Neither an offer id nor an offer was given: say so rather than show an empty box. */
export const renderNoOffer = (): TemplateResult =>
  html`<div part="base">
    <p part="status">${msg('No offer to order.', { id: 'orderForm.noOffer' })}</p>
  </div>`;
