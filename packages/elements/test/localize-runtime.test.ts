import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  configureLocalization,
  msg,
  str,
  updateWhenLocaleChanges,
  type LocaleModule,
} from '../src/internal/localize-runtime.js';

// The CDN build's stand-in for @lit/localize (one configuration per page: this file runs in its
// own page, its tests in order).

/** Renders a message, counting renders. */
class LocalizedProbe extends LitElement {
  renders = 0;
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }
  protected override render() {
    this.renders++;
    return html`${msg('Add to cart', { id: 'cart.add' })}`;
  }
}
customElements.define('chain-test-localized-probe', LocalizedProbe);

const zh: LocaleModule = {
  templates: {
    'cart.add': '加入购物车',
    // The translation puts the values in another order.
    'ladder.nudge': str`单价 ${1}，再加 ${0} 件`,
  },
};

const nudge = (n: number, price: string) => msg(str`Add ${n} more to pay ${price}`, { id: 'ladder.nudge' });

describe('localize-runtime (CDN build @lit/localize)', () => {
  const loads: { locale: string; resolve(m: LocaleModule): void; reject(e: unknown): void }[] = [];
  const events: Record<string, string>[] = [];
  let controls: ReturnType<typeof configureLocalization>;
  const onStatus = (event: Event) => events.push((event as CustomEvent<Record<string, string>>).detail);

  before(() => window.addEventListener('lit-localize-status', onStatus));
  after(() => window.removeEventListener('lit-localize-status', onStatus));

  it('shows the source text, values filled in, before any configuration', () => {
    expect(msg('Add to cart', { id: 'cart.add' })).to.equal('Add to cart');
    expect(nudge(3, '¥5.00')).to.equal('Add 3 more to pay ¥5.00');
  });

  it('is configured once: a second configuration throws', () => {
    controls = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['zh-CN'],
      loadLocale: (locale) => new Promise((resolve, reject) => loads.push({ locale, resolve, reject })),
    });
    expect(controls.getLocale()).to.equal('en');
    expect(() =>
      configureLocalization({ sourceLocale: 'en', targetLocales: [], loadLocale: () => Promise.reject() }),
    ).to.throw(/configured once/);
    expect(() => controls.setLocale('fr')).to.throw(/Invalid locale/);
  });

  it('switches when the module arrives, fires loading/ready and re-renders connected hosts', async () => {
    const probe = await fixture<LocalizedProbe>(
      html`<chain-test-localized-probe></chain-test-localized-probe>`,
    );
    expect(probe.shadowRoot!.textContent).to.equal('Add to cart');
    const switched = controls.setLocale('zh-CN');
    expect(controls.setLocale('zh-CN'), 'the same request shares the promise').to.equal(switched);
    expect(controls.getLocale(), 'still English while loading').to.equal('en');
    expect(events).to.deep.equal([{ status: 'loading', loadingLocale: 'zh-CN' }]);
    loads.shift()!.resolve(zh);
    await switched;
    await probe.updateComplete;
    expect(controls.getLocale()).to.equal('zh-CN');
    expect(events.at(-1)).to.deep.equal({ status: 'ready', readyLocale: 'zh-CN' });
    expect(probe.shadowRoot!.textContent).to.equal('加入购物车');
    expect(nudge(3, '¥5.00')).to.equal('单价 ¥5.00，再加 3 件');
    expect(msg('Untranslated', { id: 'cart.none' }), 'a missing translation falls back').to.equal(
      'Untranslated',
    );
    expect(msg('No id')).to.equal('No id');
    expect(msg('Add to cart', 'cart.add'), 'the CDN build passes the id alone').to.equal('加入购物车');
    expect(msg(str`Add ${3} more to pay ${'¥5.00'}`, 'ladder.nudge')).to.equal('单价 ¥5.00，再加 3 件');

    probe.remove();
    const renders = probe.renders;
    await controls.setLocale('en');
    await probe.updateComplete;
    expect(probe.renders, 'a disconnected host is left alone').to.equal(renders);
    expect(msg('Add to cart', { id: 'cart.add' })).to.equal('Add to cart');
  });

  it('lets the latest request win; overlapping requests share one promise', async () => {
    const first = controls.setLocale('zh-CN');
    const second = controls.setLocale('en');
    expect(second).to.equal(first);
    // The stale zh-CN module arriving late changes nothing.
    loads.shift()!.resolve(zh);
    await second;
    expect(controls.getLocale()).to.equal('en');
    expect(msg('Add to cart', { id: 'cart.add' })).to.equal('Add to cart');
  });

  it('rejects and fires error when the module fails, keeping the locale; a retry can succeed', async () => {
    events.length = 0;
    const failed = controls.setLocale('zh-CN');
    loads.shift()!.reject(new Error('offline'));
    let caught: unknown;
    await failed.catch((error: unknown) => (caught = error));
    expect((caught as Error).message).to.equal('offline');
    expect(events.at(-1)).to.deep.equal({
      status: 'error',
      errorLocale: 'zh-CN',
      errorMessage: 'Error: offline',
    });
    expect(controls.getLocale()).to.equal('en');

    const retried = controls.setLocale('zh-CN');
    loads.shift()!.resolve(zh);
    await retried;
    expect(controls.getLocale()).to.equal('zh-CN');
  });
});
