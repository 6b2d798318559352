/**
 * Live examples on the docs pages: the real elements, bundled from the workspace sources, with
 * the light and dark theme presets.
 *
 * Most examples run without an order server: an element marked `data-sample="offer:<id>"`,
 * `data-sample="offers"` or `data-sample="factories"` gets the demo store's data as properties
 * (`offerData`, `offers`, `factories`), which every element accepts in place of loading it.
 * Examples marked `data-live-api` need a server: they start the playground's in-browser order
 * server (loaded only on those pages; see live-api.ts) and then show their markup.
 */
import '@chainkit/elements/define';
import '@chainkit/elements/themes/light.css';
import '@chainkit/elements/themes/dark.css';
import { factories, offers } from 'virtual:chainkit-sample';

type SampleTarget = HTMLElement & { offerData?: unknown; offers?: unknown; factories?: unknown };

/** Gives the elements under `root` their sample data and wires the "add to cart" buttons. */
export function applySamples(root: ParentNode): void {
  for (const element of root.querySelectorAll<SampleTarget>('[data-sample]')) {
    for (const wanted of (element.dataset.sample ?? '').split(/\s+/)) {
      const [kind, id] = wanted.split(':');
      if (kind === 'offer') {
        const offer = offers.find((candidate) => candidate.id === id);
        if (!offer) throw new Error(`live example: no sample offer "${id}"`);
        element.offerData = offer;
      } else if (kind === 'offers') element.offers = offers;
      else if (kind === 'factories') element.factories = factories;
      else if (kind === 'placed-order')
        continue; // filled in by live-api.ts
      else if (kind) throw new Error(`live example: unknown data-sample "${wanted}"`);
    }
  }
  // "Add to cart" buttons: dispatch `chain-cart-add` as a shop page's own button would.
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-cart-add]')) {
    const detail = JSON.parse(button.dataset.cartAdd ?? '{}') as unknown;
    button.addEventListener('click', () =>
      button.dispatchEvent(new CustomEvent('chain-cart-add', { detail, bubbles: true, composed: true })),
    );
  }
}

for (const example of document.querySelectorAll<HTMLElement>('[data-live-example]:not([data-live-api])')) {
  applySamples(example);
}

const withApi = [...document.querySelectorAll<HTMLElement>('[data-live-api]')];
if (withApi.length > 0) {
  const { startApiExamples } = await import('./live-api.js');
  await startApiExamples(withApi, applySamples);
}
