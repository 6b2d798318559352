import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { canonicalLocale, define, LocaleController, resolveLocale } from '../src/index.js';
import { ChainElement } from '../src/index.js';
import { settle, withDocumentLang } from './helpers.js';

/** Records every render and the locale it saw; the store locale is a settable field. */
class LocaleProbe extends ChainElement {
  storeLocale: string | undefined;
  renders: string[] = [];
  readonly controller = new LocaleController(this, { store: () => this.storeLocale });

  protected override render() {
    this.renders.push(this.controller.locale);
    return html`${this.controller.locale}`;
  }
}
define('chain-test-locale-probe', LocaleProbe);

describe('resolveLocale()', () => {
  let restoreLang: () => void = () => {};
  afterEach(() => restoreLang());

  it('takes, in order: own locale, store, nearest lang, <html lang>, navigator.language', async () => {
    restoreLang = withDocumentLang('fr-FR');
    const root = await fixture<HTMLDivElement>(html`<div lang="de-DE"><span locale="ja-JP"></span></div>`);
    const span = root.querySelector('span')!;
    expect(resolveLocale(span, { store: () => 'ko-KR' })).to.equal('ja-JP');
    span.removeAttribute('locale');
    expect(resolveLocale(span, { store: () => 'ko-KR' })).to.equal('ko-KR');
    expect(resolveLocale(span)).to.equal('de-DE');
    root.removeAttribute('lang');
    expect(resolveLocale(span)).to.equal('fr-FR');
    document.documentElement.removeAttribute('lang');
    expect(resolveLocale(span)).to.equal(canonicalLocale(navigator.language));
  });

  it('uses the own-locale getter instead of the attribute when given one', async () => {
    const span = await fixture<HTMLSpanElement>(html`<span locale="ja-JP" lang="de-DE"></span>`);
    expect(resolveLocale(span, { own: () => 'zh-CN' })).to.equal('zh-CN');
    expect(resolveLocale(span, { own: () => undefined })).to.equal('de-DE');
  });

  it('counts the element’s own lang as the nearest', async () => {
    const span = await fixture<HTMLSpanElement>(html`<div lang="de-DE"><span lang="ja-JP"></span></div>`);
    expect(resolveLocale(span.querySelector('span')!)).to.equal('ja-JP');
  });

  it('skips empty and invalid tags and canonicalises valid ones', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div lang="zh-cn">
        <p lang="not a tag!"><span lang=""></span></p>
      </div>`,
    );
    const span = root.querySelector('span')!;
    expect(resolveLocale(span)).to.equal('zh-CN');
    expect(resolveLocale(span, { own: () => '  ', store: () => 'bogus tag' })).to.equal('zh-CN');
  });

  it('walks out of nested shadow roots through their hosts', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="ja-JP"></div>`);
    const middle = document.createElement('div');
    outer.attachShadow({ mode: 'open' }).append(middle);
    const leaf = document.createElement('span');
    middle.attachShadow({ mode: 'closed' }).append(leaf);
    expect(resolveLocale(leaf)).to.equal('ja-JP');
  });

  it('uses <html lang> for an element that is not in the document', () => {
    restoreLang = withDocumentLang('ko-KR');
    expect(resolveLocale(document.createElement('span'))).to.equal('ko-KR');
  });
});

describe('LocaleController', () => {
  let restoreLang: () => void = () => {};
  afterEach(() => restoreLang());

  it('prefers the store locale over the page and re-renders on request', async () => {
    restoreLang = withDocumentLang('ja-JP');
    const probe = await fixture<LocaleProbe>(html`<chain-test-locale-probe></chain-test-locale-probe>`);
    expect(probe.renders).to.deep.equal(['ja-JP']);
    probe.storeLocale = 'zh-CN';
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.renders.at(-1)).to.equal('zh-CN');
  });

  it('re-renders when <html lang> changes, and not when the change leaves its locale alone', async () => {
    restoreLang = withDocumentLang('ja-JP');
    const probe = await fixture<LocaleProbe>(html`<chain-test-locale-probe></chain-test-locale-probe>`);
    document.documentElement.lang = 'de-DE';
    await settle(probe);
    expect(probe.renders).to.deep.equal(['ja-JP', 'de-DE']);
    probe.storeLocale = 'zh-CN';
    probe.requestUpdate();
    await probe.updateComplete;
    document.documentElement.lang = 'fr-FR';
    await settle(probe);
    expect(probe.renders).to.deep.equal(['ja-JP', 'de-DE', 'zh-CN']);
  });

  it('stops watching when the host is disconnected and resumes when it is connected again', async () => {
    restoreLang = withDocumentLang('ja-JP');
    const probe = await fixture<LocaleProbe>(html`<chain-test-locale-probe></chain-test-locale-probe>`);
    const parent = probe.parentElement!;
    let updates = 0;
    const requestUpdate = probe.requestUpdate.bind(probe);
    probe.requestUpdate = (...args: Parameters<LitElement['requestUpdate']>) => {
      updates += 1;
      requestUpdate(...args);
    };
    probe.remove();
    document.documentElement.lang = 'de-DE';
    await settle(probe);
    expect(updates).to.equal(0);
    parent.append(probe);
    await settle(probe);
    expect(updates).to.equal(1);
    expect(probe.renders.at(-1)).to.equal('de-DE');
    document.documentElement.lang = 'fr-FR';
    await settle(probe);
    expect(probe.renders.at(-1)).to.equal('fr-FR');
  });

  it('serves many hosts from one observer', async () => {
    restoreLang = withDocumentLang('ja-JP');
    const root = await fixture<HTMLDivElement>(
      html`<div>
        <chain-test-locale-probe></chain-test-locale-probe>
        <div lang="de-DE"><chain-test-locale-probe></chain-test-locale-probe></div>
      </div>`,
    );
    const [free, pinned] = [...root.querySelectorAll('chain-test-locale-probe')] as LocaleProbe[];
    await settle(pinned!);
    document.documentElement.lang = 'ko-KR';
    await settle(free!);
    await settle(pinned!);
    expect(free!.renders).to.deep.equal(['ja-JP', 'ko-KR']);
    // Its nearest lang did not change, so it was not asked to render again.
    expect(pinned!.renders).to.deep.equal(['de-DE']);
  });
});
