import { expect } from '@open-wc/testing';
import { ChainCatalog } from '../src/index.js';
import { makeOffers } from './catalog-offers.js';

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

function listCards(el: Element): Element[] {
  return [...el.shadowRoot!.querySelectorAll('[part~="list"] [part~="card"]')];
}

/**
 * A catalog already on the page when its tag is registered (what the loader's chunk does to a
 * parsed page) measures its grid from the browser's own layout of its first render, not by
 * forcing one while it upgrades, and still shows its cards in the first frame.
 */
describe('<chain-catalog> upgraded in place', () => {
  it('shows its cards in the first frame, with no ResizeObserver loop error, and keeps following its width', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent): void => void errors.push(event.message);
    addEventListener('error', onError);
    const host = document.createElement('div');
    host.style.width = '800px';
    host.innerHTML = '<chain-catalog-upgraded locale="en"></chain-catalog-upgraded>';
    document.body.append(host);
    const el = host.firstElementChild as ChainCatalog;
    try {
      customElements.define('chain-catalog-upgraded', class extends ChainCatalog {});
      el.offers = makeOffers(40);
      // Every update it asks for in this task, without giving the browser a frame.
      while (!(await el.updateComplete));
      // Rendered, not yet measured: no geometry was forced out of the upgrade's task.
      expect(listCards(el)).to.have.length(0);
      // The browser lays out, the catalog measures and renders before the paint: by the next
      // frame's callbacks the cards are there.
      await nextFrame();
      await nextFrame();
      const first = listCards(el);
      expect(first.length).to.be.greaterThan(0);
      const columns = (el.shadowRoot!.querySelector('[part~="base"]') as HTMLElement).style.getPropertyValue(
        '--_columns',
      );
      // After that the host is watched as usual: narrower, fewer columns.
      host.style.width = '320px';
      await nextFrame();
      await nextFrame();
      await nextFrame();
      await el.updateComplete;
      const narrower = (el.shadowRoot!.querySelector('[part~="base"]') as HTMLElement).style.getPropertyValue(
        '--_columns',
      );
      expect(Number(narrower)).to.be.lessThan(Number(columns));
      expect(errors).to.deep.equal([]);
    } finally {
      removeEventListener('error', onError);
      host.remove();
    }
  });
});
