import { expect, fixture, html } from '@open-wc/testing';
import { ChainMoney } from '../src/index.js';
import '../src/define.js';
import { settle, withDocumentLang } from './helpers.js';

// Expected strings were checked in Debian Chromium's Intl; U+00A0 is the no-break space Intl
// puts between a currency code and the number.
const NBSP = '\u00a0';

function base(el: ChainMoney): HTMLElement | null {
  return el.shadowRoot!.querySelector('[part~="base"]');
}

function shown(el: ChainMoney): string {
  return el.shadowRoot!.textContent?.trim() ?? '';
}

function isInvalid(el: ChainMoney): boolean {
  return el.matches(':state(invalid)');
}

describe('<chain-money>', () => {
  let restoreLang: () => void = () => {};
  afterEach(() => restoreLang());

  it('is registered by the define entry as ChainMoney', () => {
    expect(customElements.get('chain-money')).to.equal(ChainMoney);
    expect(document.createElement('chain-money')).to.be.instanceOf(ChainMoney);
  });

  it('formats CNY minor units for zh-CN', async () => {
    const el = await fixture<ChainMoney>(
      html`<chain-money amount="115500" currency="CNY" locale="zh-CN"></chain-money>`,
    );
    expect(base(el)?.textContent).to.equal('¥1,155.00');
    expect(base(el)?.tagName).to.equal('SPAN');
    expect(el.formatted).to.equal('¥1,155.00');
    expect(isInvalid(el)).to.equal(false);
  });

  it('formats JPY, which has no minor unit, for ja-JP', async () => {
    const el = await fixture<ChainMoney>(
      html`<chain-money amount="1155" currency="JPY" locale="ja-JP"></chain-money>`,
    );
    expect(shown(el)).to.equal('\uffe51,155');
  });

  it('formats negative amounts', async () => {
    const el = await fixture<ChainMoney>(
      html`<chain-money amount="-500" currency="CNY" locale="zh-CN"></chain-money>`,
    );
    expect(shown(el)).to.equal('-¥5.00');
  });

  it('shows the currency code or name when display says so', async () => {
    const el = await fixture<ChainMoney>(
      html`<chain-money amount="115500" currency="CNY" locale="zh-CN" display="code"></chain-money>`,
    );
    expect(shown(el)).to.equal(`CNY${NBSP}1,155.00`);
    el.display = 'name';
    await el.updateComplete;
    expect(shown(el)).to.equal('1,155.00人民币');
    el.setAttribute('locale', 'en-US');
    await el.updateComplete;
    expect(shown(el)).to.equal('1,155.00 Chinese yuan');
    el.setAttribute('display', 'sparkly');
    await el.updateComplete;
    expect(shown(el)).to.equal('CN¥1,155.00');
  });

  it('accepts the amount property as a string of digits, as React 19 and Vue set it', async () => {
    const el = await fixture<ChainMoney>(html`<chain-money currency="CNY" locale="zh-CN"></chain-money>`);
    el.amount = ' 115500 ' as unknown as number;
    await el.updateComplete;
    expect(shown(el)).to.equal('¥1,155.00');
    el.amount = '11.5' as unknown as number;
    await el.updateComplete;
    expect(shown(el)).to.equal('');
  });

  it('accepts a lowercase currency code', async () => {
    const el = await fixture<ChainMoney>(
      html`<chain-money amount="115500" currency="cny" locale="zh-CN"></chain-money>`,
    );
    expect(shown(el)).to.equal('¥1,155.00');
  });

  it('marks the text with the locale it was formatted in', async () => {
    const el = await fixture<ChainMoney>(
      html`<chain-money amount="1155" currency="JPY" locale="ja-jp"></chain-money>`,
    );
    expect(base(el)?.getAttribute('lang')).to.equal('ja-JP');
  });

  it('updates when attributes change', async () => {
    const el = await fixture<ChainMoney>(
      html`<chain-money amount="115500" currency="CNY" locale="zh-CN"></chain-money>`,
    );
    el.setAttribute('amount', '199');
    await el.updateComplete;
    expect(shown(el)).to.equal('¥1.99');
    el.setAttribute('currency', 'JPY');
    await el.updateComplete;
    expect(shown(el)).to.equal('JP¥199');
    el.setAttribute('locale', 'ja-JP');
    await el.updateComplete;
    expect(shown(el)).to.equal('\uffe5199');
    el.amount = 5000;
    await el.updateComplete;
    expect(shown(el)).to.equal('\uffe55,000');
  });

  it('follows <html lang> when it has no locale of its own', async () => {
    restoreLang = withDocumentLang('ja-JP');
    const el = await fixture<ChainMoney>(html`<chain-money amount="1155" currency="JPY"></chain-money>`);
    expect(shown(el)).to.equal('\uffe51,155');
    document.documentElement.lang = 'zh-CN';
    await settle(el);
    expect(shown(el)).to.equal('JP¥1,155');
    expect(base(el)?.getAttribute('lang')).to.equal('zh-CN');
  });

  it('follows the nearest ancestor lang and its changes', async () => {
    restoreLang = withDocumentLang('zh-CN');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="ja-JP">
        <p><chain-money amount="1155" currency="JPY"></chain-money></p>
      </div>`,
    );
    const el = wrapper.querySelector('chain-money')!;
    await el.updateComplete;
    expect(shown(el)).to.equal('\uffe51,155');
    wrapper.lang = 'en-US';
    await settle(el);
    expect(shown(el)).to.equal('¥1,155');
    wrapper.removeAttribute('lang');
    await settle(el);
    expect(shown(el)).to.equal('JP¥1,155');
  });

  it('finds lang across shadow roots and follows changes inside them', async () => {
    restoreLang = withDocumentLang('zh-CN');
    const outer = await fixture<HTMLDivElement>(html`<div lang="ja-JP"></div>`);
    const shadow = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('section');
    const el = document.createElement('chain-money');
    el.setAttribute('amount', '1155');
    el.setAttribute('currency', 'JPY');
    inner.append(el);
    shadow.append(inner);
    await el.updateComplete;
    expect(shown(el)).to.equal('\uffe51,155');
    inner.setAttribute('lang', 'en-US');
    await settle(el);
    expect(shown(el)).to.equal('¥1,155');
  });

  it('prefers its own locale over every lang', async () => {
    restoreLang = withDocumentLang('en-US');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="ja-JP"><chain-money amount="1155" currency="JPY" locale="zh-CN"></chain-money></div>`,
    );
    const el = wrapper.querySelector('chain-money')!;
    await el.updateComplete;
    expect(shown(el)).to.equal('JP¥1,155');
    el.removeAttribute('locale');
    await el.updateComplete;
    expect(shown(el)).to.equal('\uffe51,155');
  });

  it('re-checks its locale when moved under another lang', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <div id="ja" lang="ja-JP"><chain-money amount="1155" currency="JPY"></chain-money></div>
        <div id="en" lang="en-US"></div>
      </div>`,
    );
    const el = page.querySelector('chain-money')!;
    await el.updateComplete;
    expect(shown(el)).to.equal('\uffe51,155');
    page.querySelector('#en')!.append(el);
    await el.updateComplete;
    expect(shown(el)).to.equal('¥1,155');
  });

  describe('invalid input', () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['no amount', { currency: 'CNY' }],
      ['a blank amount', { amount: ' ', currency: 'CNY' }],
      ['a fractional amount', { amount: '11.5', currency: 'CNY' }],
      ['a non-numeric amount', { amount: '1,155', currency: 'CNY' }],
      ['an amount in exponent notation', { amount: '1e3', currency: 'CNY' }],
      ['a hexadecimal amount', { amount: '0x10', currency: 'CNY' }],
      ['an amount with a decimal point', { amount: '115500.0', currency: 'CNY' }],
      ['an unsafe amount', { amount: '9007199254740993', currency: 'CNY' }],
      ['no currency', { amount: '115500' }],
      ['an unknown currency', { amount: '115500', currency: 'XYZ' }],
    ];
    for (const [name, attributes] of cases) {
      it(`renders nothing for ${name}`, async () => {
        const el = document.createElement('chain-money');
        el.setAttribute('locale', 'zh-CN');
        for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
        const parent = await fixture<HTMLDivElement>(html`<div></div>`);
        parent.append(el);
        await el.updateComplete;
        expect(base(el)).to.equal(null);
        expect(shown(el)).to.equal('');
        expect(el.formatted).to.equal(undefined);
        expect(isInvalid(el)).to.equal(true);
      });
    }

    it('does not throw for bad property values and recovers when they are fixed', async () => {
      const el = await fixture<ChainMoney>(
        html`<chain-money amount="100" currency="CNY" locale="zh-CN"></chain-money>`,
      );
      el.amount = 1.5;
      await el.updateComplete;
      expect(shown(el)).to.equal('');
      expect(isInvalid(el)).to.equal(true);
      el.amount = Number.NaN;
      await el.updateComplete;
      expect(shown(el)).to.equal('');
      el.amount = 150;
      await el.updateComplete;
      expect(shown(el)).to.equal('¥1.50');
      expect(isInvalid(el)).to.equal(false);
    });

    it('falls back past a locale attribute Intl would reject', async () => {
      restoreLang = withDocumentLang('ja-JP');
      const el = await fixture<ChainMoney>(
        html`<chain-money amount="1155" currency="JPY" locale="not a locale!"></chain-money>`,
      );
      expect(shown(el)).to.equal('\uffe51,155');
    });
  });

  it('stays inline and honours the hidden attribute', async () => {
    const el = await fixture<ChainMoney>(
      html`<chain-money amount="100" currency="CNY" locale="zh-CN"></chain-money>`,
    );
    expect(getComputedStyle(el).display).to.equal('inline');
    el.hidden = true;
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('takes its colour from --chain-money-color, else from the surrounding text', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="color: rgb(10, 20, 30)">
        <chain-money amount="100" currency="CNY" locale="zh-CN"></chain-money>
      </div>`,
    );
    const el = wrapper.querySelector('chain-money')!;
    await el.updateComplete;
    expect(getComputedStyle(base(el)!).color).to.equal('rgb(10, 20, 30)');
    el.style.setProperty('--chain-money-color', 'rgb(200, 0, 0)');
    expect(getComputedStyle(base(el)!).color).to.equal('rgb(200, 0, 0)');
  });

  it('is accessible with a value', async () => {
    const el = await fixture<ChainMoney>(
      html`<chain-money amount="115500" currency="CNY" locale="zh-CN"></chain-money>`,
    );
    await expect(el).to.be.accessible();
  });

  it('is accessible when empty', async () => {
    const el = await fixture<ChainMoney>(html`<chain-money currency="XYZ"></chain-money>`);
    await expect(el).to.be.accessible();
  });
});
