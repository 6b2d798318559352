/**
 * Live examples on the docs pages: the real elements, bundled from the workspace sources, with
 * the light and dark theme presets. Examples run without an order server: an element marked
 * `data-sample="offer:<id>"`, `data-sample="offers"` or `data-sample="factories"` gets the demo
 * store's data as properties (`offerData`, `offers`, `factories`), which every element accepts
 * in place of loading it.
 */
import '@chainkit/elements/define';
import '@chainkit/elements/themes/light.css';
import '@chainkit/elements/themes/dark.css';
import { factories, offers } from 'virtual:chainkit-sample';

type SampleTarget = HTMLElement & { offerData?: unknown; offers?: unknown; factories?: unknown };

for (const element of document.querySelectorAll<SampleTarget>('[data-live-example] [data-sample]')) {
  for (const wanted of (element.dataset.sample ?? '').split(/\s+/)) {
    const [kind, id] = wanted.split(':');
    if (kind === 'offer') {
      const offer = offers.find((candidate) => candidate.id === id);
      if (!offer) throw new Error(`live example: no sample offer "${id}"`);
      element.offerData = offer;
    } else if (kind === 'offers') element.offers = offers;
    else if (kind === 'factories') element.factories = factories;
    else if (kind) throw new Error(`live example: unknown data-sample "${wanted}"`);
  }
}

// "Add to cart" buttons of the examples: dispatch `chain-cart-add` as a shop page's own button would.
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-live-example] [data-cart-add]')) {
  const detail = JSON.parse(button.dataset.cartAdd ?? '{}') as unknown;
  button.addEventListener('click', () =>
    button.dispatchEvent(new CustomEvent('chain-cart-add', { detail, bubbles: true, composed: true })),
  );
}
