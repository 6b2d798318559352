import { aTimeout, expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { css, html } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { ChainElement } from '../src/internal/chain-element.js';
import { define } from '../src/internal/define.js';
import {
  PlacementController,
  usesCssAnchorPositioning,
  type Placement,
} from '../src/internal/placement-controller.js';

interface Probe extends ChainElement {
  readonly popup: PlacementController;
  readonly opens: boolean[];
  readonly toggleButton: HTMLButtonElement;
  readonly panel: HTMLElement;
  readonly arrow: HTMLElement;
}

/** A host with one popup placed at `placement`, and an arrow when `arrow`. */
function probe(tag: string, placement: Placement, arrow = false): string {
  class PopupProbe extends ChainElement implements Probe {
    static override styles = css`
      #panel {
        width: 200px;
        height: 120px;
        padding: 0;
        border: 1px solid;
      }
      #arrow {
        position: absolute;
        width: 10px;
        height: 10px;
      }
    `;
    opens: boolean[] = [];
    readonly popup = new PlacementController(this, {
      anchor: () => this.renderRoot.querySelector('#toggle'),
      floating: () => this.renderRoot.querySelector<HTMLElement>('#panel'),
      arrow: arrow ? () => this.renderRoot.querySelector<HTMLElement>('#arrow') : undefined,
      placement,
      onOpenChange: (open) => this.opens.push(open),
    });

    protected override render() {
      return html`<button
          id="toggle"
          aria-expanded=${this.popup.open ? 'true' : 'false'}
          aria-controls="panel"
          @click=${() => this.popup.toggle()}
        >
          Mixed batches
        </button>
        <div id="panel" popover="auto"><button id="inner">Inside</button><span id="arrow"></span></div>`;
    }

    get toggleButton(): HTMLButtonElement {
      return this.renderRoot.querySelector('#toggle')!;
    }
    get panel(): HTMLElement {
      return this.renderRoot.querySelector('#panel')!;
    }
    get arrow(): HTMLElement {
      return this.renderRoot.querySelector('#arrow')!;
    }
  }
  define(tag, PopupProbe);
  return tag;
}

const BOTTOM_START = probe('chain-test-popup', 'bottom-start');
const TOP_WITH_ARROW = probe('chain-test-popup-top', 'top', true);

/** A probe host styled `style` (its position on the page). */
async function popup(style = '', tag = BOTTOM_START): Promise<Probe> {
  const t = unsafeStatic(tag);
  return fixture<Probe>(staticHtml`<${t} style=${style}></${t}>`);
}

/** Placed: both paths set `data-placement` once the popup has its position. */
async function placed(el: Probe): Promise<void> {
  await waitUntil(() => el.panel.dataset.placement, 'the panel was never placed');
  await el.updateComplete;
}

/** A probe host styled `style`, its popup shown and placed, with the anchor's and the popup's boxes. */
async function shown(
  style: string,
  tag = BOTTOM_START,
): Promise<{ el: Probe; anchor: DOMRect; panel: DOMRect }> {
  const el = await popup(style, tag);
  await el.popup.show();
  await placed(el);
  return { el, anchor: el.toggleButton.getBoundingClientRect(), panel: el.panel.getBoundingClientRect() };
}

function center(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

describe('PlacementController', () => {
  it('uses CSS anchor positioning in this Chromium unless told not to', () => {
    expect(PlacementController.nativeAnchoring).to.equal(undefined);
    expect(usesCssAnchorPositioning()).to.equal(true);
    PlacementController.nativeAnchoring = false;
    try {
      expect(usesCssAnchorPositioning()).to.equal(false);
    } finally {
      PlacementController.nativeAnchoring = undefined;
    }
  });

  // The same behaviour twice: as browsers with anchor positioning run it, and as older ones do.
  for (const native of [true, false]) {
    describe(native ? 'with CSS anchor positioning' : 'with floating-ui (no anchor positioning)', () => {
      before(() => {
        PlacementController.nativeAnchoring = native;
      });
      after(() => {
        PlacementController.nativeAnchoring = undefined;
      });

      it(native ? 'never asks for floating-ui' : 'loads floating-ui on the first open', async () => {
        const el = await popup('position: absolute; left: 40px; top: 40px');
        await el.popup.show();
        await placed(el);
        const fetched = performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => name.includes('floating-ui'));
        if (native) {
          // This suite runs first, so nothing can have fetched the module yet.
          expect(fetched).to.deep.equal([]);
          expect(el.panel.style.getPropertyValue('position-anchor')).to.match(/^--chain-anchor-\d+$/);
          expect(el.toggleButton.style.getPropertyValue('anchor-name')).to.equal(
            el.panel.style.getPropertyValue('position-anchor'),
          );
        } else {
          expect(fetched).to.not.deep.equal([]);
          expect(el.panel.style.getPropertyValue('position-anchor')).to.equal('');
        }
      });

      it('gives each host its own anchor name', async () => {
        const a = await popup();
        const b = await popup();
        await a.popup.show();
        const nameA = a.toggleButton.style.getPropertyValue('anchor-name');
        a.popup.hide();
        await b.popup.show();
        const nameB = b.toggleButton.style.getPropertyValue('anchor-name');
        b.popup.hide();
        if (native) {
          expect(nameA).to.match(/^--chain-anchor-\d+$/);
          expect(nameB).to.match(/^--chain-anchor-\d+$/);
          expect(nameA).to.not.equal(nameB);
        } else {
          expect([nameA, nameB]).to.deep.equal(['', '']);
        }
      });

      it('opens in the top layer below the anchor and closes again', async () => {
        const el = await popup('position: absolute; left: 40px; top: 40px');
        await el.popup.show();
        await placed(el);
        expect(el.panel.matches(':popover-open')).to.equal(true);
        expect(el.popup.open).to.equal(true);
        expect(el.toggleButton.getAttribute('aria-expanded')).to.equal('true');
        const anchor = el.toggleButton.getBoundingClientRect();
        const panel = el.panel.getBoundingClientRect();
        expect(panel.top).to.be.closeTo(anchor.bottom + 6, 1);
        expect(panel.left).to.be.closeTo(anchor.left, 1);
        expect(el.popup.placement).to.equal('bottom-start');
        expect(el.panel.dataset.placement).to.equal('bottom-start');
        el.popup.hide();
        await el.updateComplete;
        expect(el.panel.matches(':popover-open')).to.equal(false);
        expect(el.toggleButton.getAttribute('aria-expanded')).to.equal('false');
        expect(el.opens).to.deep.equal([true, false]);
      });

      it('flips above the anchor when there is no room below', async () => {
        const { el, anchor, panel } = await shown('position: fixed; left: 40px; bottom: 10px');
        expect(panel.bottom).to.be.closeTo(anchor.top - 6, 1);
        expect(panel.left).to.be.closeTo(anchor.left, 1);
        expect(el.popup.placement).to.equal('top-start');
        expect(el.panel.dataset.placement).to.equal('top-start');
      });

      it('aligns the other edge when there is no room to the right', async () => {
        const { el, anchor, panel } = await shown('position: fixed; right: 10px; top: 40px');
        expect(panel.top).to.be.closeTo(anchor.bottom + 6, 1);
        expect(panel.right).to.be.closeTo(anchor.right, 1);
        expect(el.popup.placement).to.equal('bottom-end');
      });

      it('aligns `start` with the right edge in a right-to-left page', async () => {
        document.documentElement.dir = 'rtl';
        try {
          const { el, anchor, panel } = await shown('position: fixed; right: 300px; top: 40px');
          expect(panel.top).to.be.closeTo(anchor.bottom + 6, 1);
          expect(panel.right).to.be.closeTo(anchor.right, 1);
          expect(el.popup.placement).to.equal('bottom-start');
        } finally {
          document.documentElement.dir = '';
        }
      });

      it('stays inside the viewport by the padding when no alignment fits', async () => {
        const el = await popup('position: fixed; left: 20px; top: 40px');
        el.panel.style.width = `${innerWidth - 24}px`;
        await el.popup.show();
        await placed(el);
        const anchor = el.toggleButton.getBoundingClientRect();
        const panel = el.panel.getBoundingClientRect();
        expect(panel.top).to.be.closeTo(anchor.bottom + 6, 1);
        // Left-aligned it would end 20 px from the right edge, inside the 8 px padding…
        expect(anchor.left + panel.width).to.be.greaterThan(innerWidth - 8);
        // …so it moved left, and kept 8 px from the left edge too.
        expect(panel.left).to.be.within(7, anchor.left - 1);
        expect(panel.right).to.be.at.most(innerWidth - 7);
      });

      it('centres a `top` popup over its anchor and points the arrow at it', async () => {
        const { el, anchor, panel } = await shown('position: fixed; left: 300px; top: 300px', TOP_WITH_ARROW);
        expect(panel.bottom).to.be.closeTo(anchor.top - 6, 1);
        expect(panel.left + panel.width / 2).to.be.closeTo(anchor.left + anchor.width / 2, 1);
        expect(el.popup.placement).to.equal('top');
        const arrow = el.arrow.getBoundingClientRect();
        expect(arrow.left + arrow.width / 2).to.be.closeTo(anchor.left + anchor.width / 2, 1.5);
      });

      it('keeps the arrow inside the popup when the popup was moved along', async () => {
        const el = await popup('position: fixed; left: 2px; top: 300px', TOP_WITH_ARROW);
        await el.popup.show();
        await placed(el);
        const panel = el.panel.getBoundingClientRect();
        const arrow = el.arrow.getBoundingClientRect();
        expect(panel.left).to.be.closeTo(8, 1);
        expect(arrow.left).to.be.at.least(panel.left + 4);
      });

      it('follows the anchor while open and stops when closed', async () => {
        const el = await popup('position: fixed; left: 40px; top: 40px');
        await el.popup.show();
        await placed(el);
        // A move no event reports, after the frames in which the observers report first sizes.
        await aTimeout(50);
        el.style.left = '140px';
        await waitUntil(() => Math.abs(el.panel.getBoundingClientRect().left - 140) < 2, 'did not follow');
        el.popup.hide();
        if (native) {
          // Nothing left that ties the popup to the anchor.
          expect(el.panel.style.getPropertyValue('position-anchor')).to.equal('');
          expect(el.toggleButton.style.getPropertyValue('anchor-name')).to.equal('');
        } else {
          const left = el.panel.style.left;
          el.style.left = '240px';
          await aTimeout(100);
          expect(el.panel.style.left).to.equal(left);
        }
      });

      it('follows the anchor when a scroller scrolls it', async () => {
        const root = await fixture<HTMLDivElement>(
          html`<div style="height: 300px; overflow: auto">
            <div style="height: 2000px; padding-top: 100px"><chain-test-popup></chain-test-popup></div>
          </div>`,
        );
        const el = root.querySelector<Probe>(BOTTOM_START)!;
        await el.popup.show();
        await placed(el);
        const follows = (): boolean =>
          Math.abs(
            el.panel.getBoundingClientRect().top - el.toggleButton.getBoundingClientRect().bottom - 6,
          ) < 1;
        expect(follows()).to.equal(true);
        // Past the frames in which the observers report their first sizes (and update anyway).
        await aTimeout(50);
        const before = el.toggleButton.getBoundingClientRect().top;
        root.scrollTop = 60;
        expect(el.toggleButton.getBoundingClientRect().top).to.be.closeTo(before - 60, 1);
        try {
          await waitUntil(follows, 'did not follow the scroll');
          expect(el.popup.placement).to.equal('bottom-start');
        } finally {
          el.popup.hide();
        }
      });

      it('follows the anchor when it shrinks, the arrow still pointing at its middle', async () => {
        // Shrinking, the anchor stays inside the box it had: only watching its size reveals it.
        const el = await popup('position: fixed; left: 300px; top: 300px', TOP_WITH_ARROW);
        // A fixed height: the label wrapping in the narrower button would grow it past the box.
        Object.assign(el.toggleButton.style, { width: '240px', height: '30px', overflow: 'hidden' });
        await el.popup.show();
        await placed(el);
        const middle = (e: Element): number => {
          const r = e.getBoundingClientRect();
          return r.left + r.width / 2;
        };
        expect(middle(el.panel)).to.be.closeTo(middle(el.toggleButton), 1);
        await aTimeout(50);
        el.toggleButton.style.width = '40px';
        try {
          await waitUntil(
            () => Math.abs(middle(el.panel) - middle(el.toggleButton)) < 1,
            'did not follow the resized anchor',
          );
          expect(middle(el.arrow)).to.be.closeTo(middle(el.toggleButton), 1.5);
        } finally {
          el.popup.hide();
        }
      });

      it('reports a flip that scrolling causes', async () => {
        const root = await fixture<HTMLDivElement>(
          html`<div style="height: 3000px; padding-top: 1000px"><chain-test-popup></chain-test-popup></div>`,
        );
        const el = root.querySelector<Probe>(BOTTOM_START)!;
        // The anchor near the top of the viewport, then near its bottom.
        scrollTo(0, 900);
        await el.popup.show();
        await placed(el);
        expect(el.popup.placement).to.equal('bottom-start');
        const anchorTop = el.toggleButton.getBoundingClientRect().top + scrollY;
        scrollTo(0, anchorTop - innerHeight + 60);
        try {
          await waitUntil(() => el.popup.placement === 'top-start', 'the flip was not reported');
          const anchor = el.toggleButton.getBoundingClientRect();
          expect(el.panel.getBoundingClientRect().bottom).to.be.closeTo(anchor.top - 6, 1);
        } finally {
          el.popup.hide();
          scrollTo(0, 0);
        }
      });

      it('closes on Escape, updates the host, and returns focus to the anchor', async () => {
        const el = await popup();
        el.toggleButton.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => el.popup.open);
        el.renderRoot.querySelector<HTMLButtonElement>('#inner')!.focus();
        await sendKeys({ press: 'Escape' });
        await waitUntil(() => !el.popup.open, 'Escape did not close');
        await el.updateComplete;
        expect(el.toggleButton.getAttribute('aria-expanded')).to.equal('false');
        expect(el.shadowRoot!.activeElement).to.equal(el.toggleButton);
      });

      it('closes on a click outside (light dismiss)', async () => {
        const root = await fixture<HTMLDivElement>(
          html`<div style="padding: 300px 0 0 300px"><chain-test-popup></chain-test-popup></div>`,
        );
        const el = root.querySelector<Probe>(BOTTOM_START)!;
        await el.popup.show();
        await placed(el);
        await sendMouse({ type: 'click', position: [5, 5] });
        await waitUntil(() => !el.popup.open, 'a click outside did not close');
        await el.updateComplete;
        expect(el.toggleButton.getAttribute('aria-expanded')).to.equal('false');
        expect(el.opens).to.deep.equal([true, false]);
      });

      it('a click on the anchor while open closes it and does not re-open it', async () => {
        const el = await popup();
        await sendMouse({ type: 'click', position: center(el.toggleButton) });
        await waitUntil(() => el.popup.open, 'the first click did not open');
        await placed(el);
        await sendMouse({ type: 'click', position: center(el.toggleButton) });
        await aTimeout(50);
        expect(el.popup.open).to.equal(false);
        expect(el.panel.matches(':popover-open')).to.equal(false);
        await sendMouse({ type: 'click', position: center(el.toggleButton) });
        await waitUntil(() => el.popup.open, 'the third click did not open');
        el.popup.hide();
      });

      it('closes when the host is disconnected', async () => {
        const el = await popup();
        await el.popup.show();
        el.remove();
        expect(el.popup.open).to.equal(false);
        expect(el.panel.matches(':popover-open')).to.equal(false);
      });

      it('does nothing without an anchor or popup', async () => {
        const el = await popup();
        el.panel.remove();
        await el.popup.show();
        expect(el.popup.open).to.equal(false);
      });
    });
  }
});
