import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sanitizePageHtml } from '../src/internal/sanitize.js';
import { BAD_IMG, RUN, XSS_CORPUS } from './xss-corpus.js';

/**
 * The docs playground's profile of the one sanitizer (`sanitizePageHtml`): a storefront snippet
 * keeps its layout and its `chain-*` elements with their attributes; nothing in it can run.
 */
const CORPUS: readonly [string, string][] = [
  ...XSS_CORPUS,
  [
    'handler on a chain element',
    `<chain-money amount="100" onclick="${RUN('chain')}" ONMOUSEOVER="${RUN('up')}">`,
  ],
  [
    'other custom element',
    `<x-evil onclick="${RUN('x')}"><img src="${BAD_IMG}" onerror="${RUN('x-img')}"></x-evil>`,
  ],
  ['customized built-in', `<button is="chain-evil" onclick="${RUN('is')}">x</button>`],
  [
    'javascript: on a chain attribute',
    `<chain-order-status order="javascript:${RUN('attr')}"></chain-order-status>`,
  ],
  ['form', `<form action="javascript:${RUN('form')}"><input name="x"><button>go</button></form>`],
  ['style', `<style>*{}</style><p style="color:red">styled</p>`],
];

const FORBIDDEN = 'script, style, iframe, svg, form, input, template, meta, x-evil, [is]';

function assertInert(container: Element): void {
  expect(container.querySelector(FORBIDDEN), container.innerHTML).to.equal(null);
  for (const el of container.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      expect(attr.startsWith('on'), `${el.localName}[${attr}]`).to.equal(false);
      expect(attr, `${el.localName}[${attr}]`).not.to.equal('style');
      expect(el.getAttribute(attr) ?? '', `${el.localName}[${attr}]`).not.to.match(/^\s*javascript:/i);
    }
  }
}

describe('sanitizePageHtml()', () => {
  beforeEach(() => {
    window.__xss = [];
  });
  afterEach(() => {
    delete window.__xss;
  });

  for (const [name, payload] of CORPUS) {
    it(`neutralizes ${name}`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.append(sanitizePageHtml(payload));
      assertInert(host);
      for (const el of host.querySelectorAll<HTMLElement>('*')) el.click();
      await aTimeout(50);
      expect(window.__xss).to.deep.equal([]);
    });
  }

  it('keeps a storefront snippet: layout, chain-* elements and their attributes', () => {
    const host = document.createElement('div');
    host.append(
      sanitizePageHtml(
        `<chain-store api="/playground-api" key="pk_test_demo" locale="zh-CN">
          <header><h1>Shop</h1><chain-cart checkout-target="#order-form"></chain-cart></header>
          <chain-order-form id="order-form" offer="padded-parka" data-follow-catalog></chain-order-form>
          <button type="button" data-add-to-cart="#order-form">Add</button>
          <img src="/images/logo.svg" alt="Logo">
        </chain-store>`,
      ),
    );
    const store = host.querySelector('chain-store');
    expect(store?.getAttribute('api')).to.equal('/playground-api');
    expect(store?.getAttribute('key')).to.equal('pk_test_demo');
    expect(store?.getAttribute('locale')).to.equal('zh-CN');
    expect(host.querySelector('chain-cart')?.getAttribute('checkout-target')).to.equal('#order-form');
    const form = host.querySelector('chain-order-form');
    expect(form?.id).to.equal('order-form');
    expect(form?.getAttribute('offer')).to.equal('padded-parka');
    expect(form?.hasAttribute('data-follow-catalog')).to.equal(true);
    expect(host.querySelector('button')?.getAttribute('data-add-to-cart')).to.equal('#order-form');
    expect(host.querySelector('header h1')?.textContent).to.equal('Shop');
    expect(host.querySelector('img')?.getAttribute('src')).to.equal('/images/logo.svg');
  });

  it('gives an empty fragment for non-strings and the empty string', () => {
    expect(sanitizePageHtml(undefined).childNodes.length).to.equal(0);
    expect(sanitizePageHtml(null).childNodes.length).to.equal(0);
    expect(sanitizePageHtml('').childNodes.length).to.equal(0);
  });
});
