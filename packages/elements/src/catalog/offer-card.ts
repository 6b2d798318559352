import { localize, priceRange, tierTable, type Offer } from '@chainkit/core';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formats } from '../order-form/format.js';
import { ladderSummary } from './ladder-summary.js';
import { unitLabel } from './unit-label.js';

/** What one catalog card shows, computed once per offer, locale and currency. */
export interface OfferCardView {
  readonly title: string;
  /** `¥9.80–¥12.00`, or one price when the ladder has one; `—` when the currency is unknown. */
  readonly price: string;
  /** `2–99 件 ¥12.00 · ≥100 ¥10.50`. */
  readonly ladder: string;
  /** `起批 2 件 · 6 件/箱`. */
  readonly rules: string;
  /** The first image, when the offer has one. */
  readonly image: string | undefined;
}

/** Computes a card's text. Pure apart from `msg()`, which reads the page's text language. */
export function offerCardView(offer: Offer, locale: string, currency: string): OfferCardView {
  const { count, money } = formats(locale, currency);
  const { min, max } = priceRange(offer);
  const unit = unitLabel(offer.unit);
  const { moq, step } = offer.rules;
  let rules = msg(str`MOQ ${count(moq)} ${unit}`, { id: 'catalog.moq' });
  if (step > 1) rules += ` · ${msg(str`packs of ${count(step)} ${unit}`, { id: 'catalog.step' })}`;
  return {
    title: localize(offer.title, locale),
    price: min === max ? money(min) : `${money(min)}–${money(max)}`,
    ladder: ladderSummary(tierTable(offer), { quantity: count, money, unit }),
    rules,
    image: offer.images?.[0],
  };
}

/**
 * One card: a `<button>` named by its visible text — title, then price, ladder and rules (the image,
 * whose alt text is the title, is left out so the title is not read twice) — inside a list item that
 * tells its position (`aria-posinset`; `aria-setsize` −1 while more can load). The blocks are
 * direct children of the button: the fewer elements per card, the less each new row of cards costs
 * while the buyer scrolls.
 *
 * `index` is the position among the catalog's offers (also in `data-index`, for `onClick`); it also
 * makes the ids unique. `onClick` is one function shared by every card, so no closure per card.
 */
export function renderOfferCard(
  view: OfferCardView,
  index: number,
  setSize: number,
  onClick: (event: Event) => void,
): TemplateResult {
  return html`<div class="cell" role="listitem" aria-setsize=${setSize} aria-posinset=${index + 1}>
    <button
      part="card"
      class="card"
      type="button"
      data-index=${index}
      aria-labelledby="t${index} p${index} l${index} r${index}"
      @click=${onClick}
    >
      <span part="image" class="media"
        >${
          view.image === undefined
            ? nothing
            : html`<img
                src=${view.image}
                alt=${view.title}
                width="240"
                height="240"
                loading="lazy"
                decoding="async"
              />`
        }</span
      >
      <span part="title" class="title" id="t${index}">${view.title}</span>
      <span part="price" class="price" id="p${index}">${view.price}</span>
      <span part="ladder" class="ladder" id="l${index}">${view.ladder}</span>
      <span part="rules" class="rules" id="r${index}">${view.rules}</span>
    </button>
  </div>`;
}

/** A placeholder card made of the same fixed-height blocks as a card, so it takes the same space. */
export const skeletonCard = html`<div class="cell" aria-hidden="true">
  <div part="skeleton" class="card skeleton">
    <span part="image" class="media"></span>
    <span class="title"><span class="line"></span></span>
    <span class="price"><span class="line short"></span></span>
    <span class="ladder"><span class="line"></span></span>
    <span class="rules"><span class="line short"></span></span>
  </div>
</div>`;

/**
 * A made-up offer. The catalog renders its card hidden (inert), one per layout: it is the probe
 * whose height every card takes, and rendering it while skeletons show does, before the offers
 * arrive, the one-time work the first real cards would otherwise wait for — the locale's `Intl`
 * data, the fonts and glyphs of the card's text in its weights, the card template's preparation.
 */
export const SAMPLE_OFFER = {
  id: '',
  title: { en: 'Sample offer', 'zh-CN': '样品' },
  unit: 'piece',
  pricing: {
    tiers: [
      { minQuantity: 2, unitPrice: 1200 },
      { minQuantity: 100, unitPrice: 1050 },
      { minQuantity: 1000, unitPrice: 980 },
    ],
  },
  rules: { moq: 6, step: 6 },
  skus: [],
} as unknown as Offer;
