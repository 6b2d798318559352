import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ChainElement, ChainMoney, define, VERSION, type ChainEvent } from '../src/index.js';

declare module '../src/internal/events.js' {
  interface ChainEventMap {
    'chain-test-ping': { n: number };
  }
}

class PingElement extends ChainElement {
  ping(n: number, cancelable?: boolean): ChainEvent<'chain-test-ping'> {
    return this.emit('chain-test-ping', { n }, { cancelable });
  }
}
define('chain-test-ping', PingElement);

/** An element that renders a <chain-test-ping> inside its own shadow root. */
class PingHost extends ChainElement {
  protected override render() {
    return html`<chain-test-ping></chain-test-ping>`;
  }
}
define('chain-test-ping-host', PingHost);

describe('ChainElement', () => {
  it('carries the package version', async () => {
    const response = await fetch(new URL('../package.json', import.meta.url));
    const pkg = (await response.json()) as { version: string };
    expect(VERSION).to.equal(pkg.version);
    expect(ChainElement.version).to.equal(VERSION);
    expect(ChainMoney.version).to.equal(VERSION);
  });

  it('emits typed events that bubble and are composed out of nested shadow roots', async () => {
    const outer = await fixture<PingHost>(html`<chain-test-ping-host></chain-test-ping-host>`);
    const inner = outer.shadowRoot!.querySelector<PingElement>('chain-test-ping')!;
    expect(inner).to.be.instanceOf(PingElement);

    const heard = oneEvent(document, 'chain-test-ping');
    const fired = inner.ping(7);
    const event = await heard;
    expect(event).to.equal(fired);
    expect(event.detail.n).to.equal(7);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.cancelable).to.equal(false);
    // Retargeted to the outer host once it left the shadow root.
    expect(event.target).to.equal(outer);
  });

  it('lets listeners veto a cancelable event', async () => {
    const el = await fixture<PingElement>(html`<chain-test-ping></chain-test-ping>`);
    const veto = (event: ChainEvent<'chain-test-ping'>) => event.preventDefault();
    document.addEventListener('chain-test-ping', veto);
    try {
      expect(el.ping(1, true).defaultPrevented).to.equal(true);
      expect(el.ping(2).defaultPrevented).to.equal(false);
    } finally {
      document.removeEventListener('chain-test-ping', veto);
    }
  });

  it('hides a host with the hidden attribute', async () => {
    const el = await fixture<PingElement>(html`<chain-test-ping style="display: block"></chain-test-ping>`);
    expect(getComputedStyle(el).display).to.equal('block');
    el.hidden = true;
    expect(getComputedStyle(el).display).to.equal('none');
  });
});
