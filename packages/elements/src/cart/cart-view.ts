import { localize } from '@chainkit/core';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Formats } from '../order-form/format.js';
import { skuLabel } from '../order-form/other-items.js';
import { violationText } from '../order-form/violation-text.js';
import type { PricedCart, PricedCartLine, PricedCartOffer } from './cart-pricing.js';

/** What the lines' inputs and buttons call back into. */
export interface CartViewHandlers {
  /** The quantity text of a line was committed (`change`). */
  quantity(offerId: string, skuId: string, text: string): void;
  remove(offerId: string, skuId: string): void;
}

/** The id-safe key of a line (`offer|sku` with anything odd replaced). */
export function lineKey(offerId: string, skuId: string): string {
  return `${offerId}--${skuId}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

function renderLine(
  entry: PricedCartOffer,
  item: PricedCartLine,
  f: Formats,
  texts: ReadonlyMap<string, string>,
  errors: ReadonlyMap<string, string>,
  on: CartViewHandlers,
): TemplateResult {
  const { offerId, skuId, quantity } = item.line;
  const key = lineKey(offerId, skuId);
  const label = skuLabel(entry.offer, skuId);
  const problems = [
    ...(errors.has(key) ? [errors.get(key)!] : []),
    ...item.violations.map((violation) => violationText(violation, f.count, true)),
  ];
  const problemId = `line-${key}-problem`;
  return html`<li part="line" class="line">
    <span class="line-label">${label}</span>
    <label class="qty">
      <span class="visually-hidden">${msg(str`Quantity of ${label}`, { id: 'cart.line.quantity' })}</span>
      <input
        part="quantity"
        type="text"
        inputmode="numeric"
        autocomplete="off"
        data-offer=${offerId}
        data-sku=${skuId}
        aria-invalid=${ifDefined(problems.length > 0 ? 'true' : undefined)}
        aria-describedby=${ifDefined(problems.length > 0 ? problemId : undefined)}
        .value=${live(texts.get(key) ?? String(quantity))}
        @change=${(event: Event) => on.quantity(offerId, skuId, (event.target as HTMLInputElement).value)}
      />
    </label>
    <span part="line-total" class="line-total">${item.quoted ? f.money(item.quoted.lineTotal) : '—'}</span>
    <button part="remove" type="button" class="remove" @click=${() => on.remove(offerId, skuId)}>
      ${msg('Remove', { id: 'cart.line.remove' })}<span class="visually-hidden"> ${label}</span>
    </button>
    ${
      problems.length > 0
        ? html`<span id=${problemId} part="line-error" class="line-error">${problems.join(' ')}</span>`
        : nothing
    }
  </li>`;
}

function renderOffer(
  entry: PricedCartOffer,
  f: Formats,
  texts: ReadonlyMap<string, string>,
  errors: ReadonlyMap<string, string>,
  on: CartViewHandlers,
  loading: ReadonlySet<string>,
): TemplateResult {
  const offer = entry.offer;
  const quoted = entry.quoted;
  const title = offer ? localize(offer.title, f.locale) : entry.offerId;
  const unit = quoted && offer?.pricing.scope === 'offer' ? entry.lines[0]?.quoted?.unitPrice : undefined;
  return html`<li part="offer" class="offer">
    <h3 class="offer-title">${title}</h3>
    ${
      loading.has(entry.offerId)
        ? html`<p role="status">${msg('Loading prices…', { id: 'ladder.loading' })}</p>`
        : quoted
          ? html`<p part="tier" class="tier">
              ${
                unit !== undefined
                  ? msg(str`${f.count(quoted.totalQuantity)} items together at ${f.money(unit)} each`, {
                      id: 'cart.offer.mixedTier',
                    })
                  : msg(str`${f.count(quoted.totalQuantity)} items`, { id: 'cart.offer.count' })
              }
              ${
                quoted.nextTier
                  ? html`<br /><span part="nudge"
                        >${msg(
                          str`Add ${f.count(quoted.nextTier.addQuantity)} more to pay ${f.money(quoted.nextTier.unitPrice)} each`,
                          { id: 'cart.offer.nudge' },
                        )}</span
                      >`
                  : nothing
              }
            </p>`
          : nothing
    }
    <ul class="lines">
      ${entry.lines.map((item) => renderLine(entry, item, f, texts, errors, on))}
    </ul>
    ${
      entry.violations.length > 0
        ? html`<ul part="offer-errors" class="error">
            ${entry.violations.map((violation) => html`<li>${violationText(violation, f.count)}</li>`)}
          </ul>`
        : nothing
    }
    ${
      quoted
        ? html`<p class="offer-subtotal">
            ${msg('Subtotal', { id: 'cart.offer.subtotal' })}: ${f.money(quoted.subtotal)}
          </p>`
        : nothing
    }
  </li>`;
}

/** The offers of the cart, each with its lines, tier, violations and subtotal. */
export function renderCartOffers(
  priced: PricedCart,
  f: Formats,
  texts: ReadonlyMap<string, string>,
  errors: ReadonlyMap<string, string>,
  on: CartViewHandlers,
  loading: ReadonlySet<string>,
): TemplateResult {
  return html`<ul part="offers" class="offers">
    ${priced.offers.map((entry) => renderOffer(entry, f, texts, errors, on, loading))}
  </ul>`;
}
