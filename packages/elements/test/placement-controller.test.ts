import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { css } from 'lit';
import { ChainElement } from '../src/internal/chain-element.js';
import { define } from '../src/internal/define.js';
import { PlacementController } from '../src/internal/placement-controller.js';

class PopupProbe extends ChainElement {
  static override styles = css`
    #panel {
      width: 200px;
      height: 120px;
      padding: 0;
      border: 1px solid;
    }
  `;
  opens: boolean[] = [];
  readonly popup = new PlacementController(this, {
    anchor: () => this.renderRoot.querySelector('#toggle'),
    floating: () => this.renderRoot.querySelector<HTMLElement>('#panel'),
    placement: 'bottom-start',
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
      <div id="panel" popover="auto"><button id="inner">Inside</button></div>`;
  }

  get toggleButton(): HTMLButtonElement {
    return this.renderRoot.querySelector('#toggle')!;
  }
  get panel(): HTMLElement {
    return this.renderRoot.querySelector('#panel')!;
  }
}
define('chain-test-popup', PopupProbe);

async function placed(el: PopupProbe): Promise<void> {
  await waitUntil(() => el.panel.style.top !== '0px', 'the panel was never placed');
}

function center(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

describe('PlacementController', () => {
  it('opens in the top layer below the anchor and closes again', async () => {
    const el = await fixture<PopupProbe>(
      html`<chain-test-popup style="position: absolute; left: 40px; top: 40px"></chain-test-popup>`,
    );
    await el.popup.show();
    await placed(el);
    expect(el.panel.matches(':popover-open')).to.equal(true);
    expect(el.popup.open).to.equal(true);
    await el.updateComplete;
    expect(el.toggleButton.getAttribute('aria-expanded')).to.equal('true');
    const anchor = el.toggleButton.getBoundingClientRect();
    const panel = el.panel.getBoundingClientRect();
    expect(panel.top).to.be.closeTo(anchor.bottom + 6, 1);
    expect(panel.left).to.be.closeTo(anchor.left, 1);
    expect(el.popup.placement).to.equal('bottom-start');
    el.popup.hide();
    await el.updateComplete;
    expect(el.panel.matches(':popover-open')).to.equal(false);
    expect(el.toggleButton.getAttribute('aria-expanded')).to.equal('false');
    expect(el.opens).to.deep.equal([true, false]);
  });

  it('flips above the anchor when there is no room below', async () => {
    const el = await fixture<PopupProbe>(
      html`<chain-test-popup style="position: fixed; left: 40px; bottom: 10px"></chain-test-popup>`,
    );
    await el.popup.show();
    await placed(el);
    await el.updateComplete;
    const anchor = el.toggleButton.getBoundingClientRect();
    const panel = el.panel.getBoundingClientRect();
    expect(panel.bottom).to.be.closeTo(anchor.top - 6, 1);
    expect(el.popup.placement).to.equal('top-start');
    expect(el.panel.dataset.placement).to.equal('top-start');
  });

  it('follows the anchor while open (autoUpdate) and stops when closed', async () => {
    const el = await fixture<PopupProbe>(
      html`<chain-test-popup style="position: fixed; left: 40px; top: 40px"></chain-test-popup>`,
    );
    await el.popup.show();
    await placed(el);
    el.style.left = '140px';
    await waitUntil(() => Math.abs(el.panel.getBoundingClientRect().left - 140) < 2, 'did not follow');
    el.popup.hide();
    const left = el.panel.style.left;
    el.style.left = '240px';
    await aTimeout(100);
    expect(el.panel.style.left).to.equal(left);
  });

  it('closes on Escape, updates the host, and returns focus to the anchor', async () => {
    const el = await fixture<PopupProbe>(html`<chain-test-popup></chain-test-popup>`);
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
    const el = root.querySelector<PopupProbe>('chain-test-popup')!;
    await el.popup.show();
    await placed(el);
    await sendMouse({ type: 'click', position: [5, 5] });
    await waitUntil(() => !el.popup.open, 'a click outside did not close');
  });

  it('a click on the anchor while open closes it and does not re-open it', async () => {
    const el = await fixture<PopupProbe>(html`<chain-test-popup></chain-test-popup>`);
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
    const el = await fixture<PopupProbe>(html`<chain-test-popup></chain-test-popup>`);
    await el.popup.show();
    el.remove();
    expect(el.popup.open).to.equal(false);
    expect(el.panel.matches(':popover-open')).to.equal(false);
  });

  it('does nothing without an anchor or popup', async () => {
    const el = await fixture<PopupProbe>(html`<chain-test-popup></chain-test-popup>`);
    el.panel.remove();
    await el.popup.show();
    expect(el.popup.open).to.equal(false);
  });
});
