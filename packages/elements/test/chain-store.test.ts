import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ContextConsumer } from '@lit/context';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';
import { StoreController } from '../src/internal/api-controller.js';
import type { CachingApiClient } from '../src/internal/api-client.js';
import { define } from '../src/internal/define.js';
import { ChainElement } from '../src/internal/chain-element.js';
import { getChainLocale, setChainLocale, textLocaleFor } from '../src/internal/localization.js';
import { storeContext } from '../src/internal/store-context.js';
import { ChainStore } from '../src/store/chain-store.js';
import '../src/store/define.js';
import { withDocumentLang } from './helpers.js';

/** Shows what its StoreController resolves, and one localized string. */
class StoreProbe extends ChainElement {
  static override properties = { api: {}, key: {}, locale: {}, currency: {} };
  declare api: string | undefined;
  declare key: string | undefined;
  declare locale: string | undefined;
  declare currency: string | undefined;
  readonly store: StoreController;
  renders = 0;
  clientChanges = 0;
  /** The render in which `clientChanged` was last seen, from `render` and from `willUpdate`. */
  clientChangeRender = 0;
  clientChangeRenderBefore = 0;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.store = new StoreController(this);
  }

  protected override willUpdate() {
    // Lit runs willUpdate before the controllers' hostUpdate.
    if (this.store.clientChanged) this.clientChangeRenderBefore = this.renders + 1;
  }

  protected override render() {
    this.renders += 1;
    if (this.store.clientChanged) {
      this.clientChanges += 1;
      this.clientChangeRender = this.renders;
    }
    return html`<p>${msg('Loading order…', { id: 'status.loading' })}</p>`;
  }

  get text(): string {
    return this.shadowRoot!.querySelector('p')!.textContent!;
  }

  get client(): CachingApiClient | undefined {
    return this.store.client as CachingApiClient | undefined;
  }
}
define('chain-test-store-probe', StoreProbe);

/** Wraps a probe in its own shadow root, to prove context crosses shadow boundaries. */
class ShadowWrapper extends ChainElement {
  protected override render() {
    return html`<chain-test-store-probe></chain-test-store-probe>`;
  }
}
define('chain-test-shadow-wrapper', ShadowWrapper);

/** A page's own Lit element reading the store through `@lit/context`, as the docs allow. */
class LitContextReader extends LitElement {
  readonly store = new ContextConsumer(this, { context: storeContext, subscribe: true });
}
customElements.define('chain-test-lit-context-reader', LitContextReader);

async function settle(...elements: ChainElement[]): Promise<void> {
  await aTimeout(0);
  for (const el of elements) await el.updateComplete;
}

describe('<chain-store>', () => {
  let restoreLang: () => void = () => {};
  beforeEach(async () => {
    restoreLang = withDocumentLang('en');
    await setChainLocale('en');
  });
  afterEach(async () => {
    restoreLang();
    await setChainLocale('en');
  });

  it('lays out as if it were not there', async () => {
    const store = await fixture<ChainStore>(html`<chain-store><p>child</p></chain-store>`);
    expect(getComputedStyle(store).display).to.equal('contents');
    expect(store.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('gives the elements inside, across shadow roots, its client, locale and currency', async () => {
    const store = await fixture<ChainStore>(
      html`<chain-store api="https://orders.example/" key="pk_test_a" locale="ja-JP" currency="jpy">
        <chain-test-store-probe></chain-test-store-probe>
        <chain-test-shadow-wrapper></chain-test-shadow-wrapper>
      </chain-store>`,
    );
    const direct = store.querySelector<StoreProbe>('chain-test-store-probe')!;
    const wrapper = store.querySelector<ShadowWrapper>('chain-test-shadow-wrapper')!;
    await wrapper.updateComplete;
    const nested = wrapper.shadowRoot!.querySelector<StoreProbe>('chain-test-store-probe')!;
    await settle(direct, nested);
    for (const probe of [direct, nested]) {
      expect(probe.store.inStore).to.equal(true);
      expect(probe.client).to.equal(store.client);
      expect(probe.client?.api).to.equal('https://orders.example');
      expect(probe.client?.key).to.equal('pk_test_a');
      expect(probe.store.locale).to.equal('ja-JP');
      expect(probe.store.currency).to.equal('JPY');
    }
  });

  it('re-creates the client when api or key change, and the elements re-render with it', async () => {
    const store = await fixture<ChainStore>(
      html`<chain-store api="https://a.example" key="pk_test_a"
        ><chain-test-store-probe></chain-test-store-probe
      ></chain-store>`,
    );
    const probe = store.querySelector<StoreProbe>('chain-test-store-probe')!;
    await settle(probe);
    const first = probe.client;
    // An update with the same client in between.
    probe.requestUpdate();
    await probe.updateComplete;
    const changes = probe.clientChanges;
    store.key = 'pk_test_b';
    await settle(store, probe);
    expect(probe.client).to.not.equal(first);
    expect(probe.client?.key).to.equal('pk_test_b');
    expect(probe.clientChanges).to.equal(changes + 1);
    // willUpdate sees it in the same update as render, not one update late.
    expect(probe.clientChangeRenderBefore).to.equal(probe.clientChangeRender);
    store.removeAttribute('api');
    await settle(store, probe);
    expect(store.client).to.equal(undefined);
    expect(probe.client).to.equal(undefined);
  });

  it("lets an element's own locale, currency and api + key win over the store's", async () => {
    const store = await fixture<ChainStore>(
      html`<chain-store api="https://a.example" key="pk_test_a" locale="ja-JP" currency="JPY">
        <chain-test-store-probe
          api="https://b.example"
          key="pk_test_b"
          locale="de-DE"
          currency="eur"
        ></chain-test-store-probe>
      </chain-store>`,
    );
    const probe = store.querySelector<StoreProbe>('chain-test-store-probe')!;
    await settle(probe);
    expect(probe.client?.api).to.equal('https://b.example');
    expect(probe.store.locale).to.equal('de-DE');
    expect(probe.store.currency).to.equal('EUR');
  });

  it('outside a store, an element builds its own client (shared per api + key) or has none', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div lang="ko-KR">
        <chain-test-store-probe api="https://c.example" key="pk_test_c"></chain-test-store-probe>
        <chain-test-store-probe api="https://c.example" key="pk_test_c"></chain-test-store-probe>
        <chain-test-store-probe></chain-test-store-probe>
      </div>`,
    );
    const [a, b, bare] = [...root.querySelectorAll<StoreProbe>('chain-test-store-probe')];
    await settle(a!, b!, bare!);
    expect(a!.store.inStore).to.equal(false);
    expect(a!.client?.api).to.equal('https://c.example');
    expect(a!.client).to.equal(b!.client);
    expect(bare!.client).to.equal(undefined);
    expect(bare!.store.locale).to.equal('ko-KR');
    expect(bare!.store.currency).to.equal(undefined);
  });

  it('reaches elements that were upgraded before the store was defined', async () => {
    class LateStore extends ChainStore {}
    const root = await fixture<HTMLDivElement>(
      html`<div>
        <chain-test-late-store api="https://late.example" key="pk_test_late" currency="CNY">
          <chain-test-store-probe></chain-test-store-probe>
        </chain-test-late-store>
      </div>`,
    );
    const probe = root.querySelector<StoreProbe>('chain-test-store-probe')!;
    await settle(probe);
    expect(probe.store.inStore).to.equal(false);
    define('chain-test-late-store', LateStore);
    await waitUntil(() => probe.store.inStore, 'the late store should answer the early request');
    await settle(probe);
    expect(probe.client?.api).to.equal('https://late.example');
    expect(probe.store.currency).to.equal('CNY');
  });

  it('answers @lit/context consumers of storeContext, and the nearest of nested stores wins', async () => {
    const outer = await fixture<ChainStore>(
      html`<chain-store api="https://outer.example" key="pk_test_outer" currency="CNY">
        <chain-test-lit-context-reader id="reader"></chain-test-lit-context-reader>
        <chain-store api="https://inner.example" key="pk_test_inner">
          <chain-test-store-probe></chain-test-store-probe>
        </chain-store>
      </chain-store>`,
    );
    const reader = outer.querySelector<LitContextReader>('#reader')!;
    const probe = outer.querySelector<StoreProbe>('chain-test-store-probe')!;
    await settle(probe);
    expect(reader.store.value?.currency).to.equal('CNY');
    expect((reader.store.value?.client as CachingApiClient | undefined)?.api).to.equal(
      'https://outer.example',
    );
    expect(probe.client?.api).to.equal('https://inner.example');
    outer.currency = 'USD';
    await settle(probe);
    expect(reader.store.value?.currency).to.equal('USD');
    // Moved out of every store, the probe has none.
    document.body.append(probe);
    await settle(probe);
    expect(probe.store.inStore).to.equal(false);
    probe.remove();
  });

  it("sets the page's text language from its locale and switches it at run time", async () => {
    const store = await fixture<ChainStore>(
      html`<chain-store locale="zh-CN"><chain-test-store-probe></chain-test-store-probe></chain-store>`,
    );
    const probe = store.querySelector<StoreProbe>('chain-test-store-probe')!;
    await waitUntil(() => probe.text === '正在加载订单…', `still "${probe.text}"`);
    expect(getChainLocale()).to.equal('zh-CN');
    store.locale = 'en-GB';
    await waitUntil(() => probe.text === 'Loading order…', `still "${probe.text}"`);
    expect(getChainLocale()).to.equal('en');
  });

  it("an element's own locale sets the text language inside a store too", async () => {
    const store = await fixture<ChainStore>(
      html`<chain-store locale="en"><chain-test-store-probe></chain-test-store-probe></chain-store>`,
    );
    const probe = store.querySelector<StoreProbe>('chain-test-store-probe')!;
    expect(probe.text).to.equal('Loading order…');
    probe.locale = 'zh-CN';
    await waitUntil(() => probe.text === '正在加载订单…', `still "${probe.text}"`);
    store.locale = 'en-US';
    await waitUntil(() => probe.text === 'Loading order…', 'the store’s change should win again');
  });

  it('follows the lang around it when it has no locale of its own', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <chain-store><chain-test-store-probe></chain-test-store-probe></chain-store>
      </div>`,
    );
    const probe = root.querySelector<StoreProbe>('chain-test-store-probe')!;
    expect(probe.text).to.equal('Loading order…');
    root.lang = 'zh-Hans-CN';
    await waitUntil(() => probe.text === '正在加载订单…', `still "${probe.text}"`);
    expect(probe.store.locale).to.equal('zh-Hans-CN');
  });
});

describe('localization', () => {
  afterEach(() => setChainLocale('en'));

  it('maps any zh locale to zh-CN and anything else to en', () => {
    expect(['zh', 'zh-CN', 'zh-TW', 'zh-Hant-HK', 'ZH-cn'].map(textLocaleFor)).to.deep.equal(
      Array(5).fill('zh-CN'),
    );
    expect(['en', 'en-US', 'ja-JP', 'zha', '', undefined, 'not a tag!'].map(textLocaleFor)).to.deep.equal(
      Array(7).fill('en'),
    );
  });

  it('asking for the language in effect while another loads keeps the one in effect', async () => {
    expect(getChainLocale()).to.equal('en');
    const chinese = setChainLocale('zh-CN');
    // Before the Chinese text has loaded: back to English, which is still in effect.
    await setChainLocale('en');
    await chinese;
    await aTimeout(50);
    expect(getChainLocale()).to.equal('en');
  });

  it('an element outside a store with its own locale sets the text language', async () => {
    const probe = await fixture<StoreProbe>(
      html`<chain-test-store-probe locale="zh-TW"></chain-test-store-probe>`,
    );
    await waitUntil(() => probe.text === '正在加载订单…', `still "${probe.text}"`);
    probe.locale = 'en-US';
    await waitUntil(() => probe.text === 'Loading order…', `still "${probe.text}"`);
  });
});
