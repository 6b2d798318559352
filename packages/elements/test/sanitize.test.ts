import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { define } from '../src/internal/define.js';
import { ChainElement } from '../src/internal/chain-element.js';
import { looksLikeHtml, safeHtml, sanitizeHtml } from '../src/internal/sanitize.js';
import { XSS_CORPUS as CORPUS } from './xss-corpus.js';

const FORBIDDEN_ELEMENTS =
  'script, style, iframe, object, embed, template, svg, math, img, form, button, input, meta, base, link, video, source, noscript, textarea, details';

function assertInert(fragment: DocumentFragment): void {
  const container = document.createElement('div');
  container.append(fragment);
  expect(container.querySelector(FORBIDDEN_ELEMENTS), container.innerHTML).to.equal(null);
  for (const el of container.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      expect(attr, `${el.localName}[${attr}]`).to.be.oneOf([
        'href',
        'lang',
        'dir',
        'colspan',
        'rowspan',
        'scope',
        'target',
        'rel',
      ]);
    }
  }
  for (const a of container.querySelectorAll('a[href]')) {
    expect(new URL(a.getAttribute('href')!).protocol).to.be.oneOf(['http:', 'https:']);
  }
}

class DescriptionProbe extends ChainElement {
  static override properties = { description: {} };
  declare description: string;
  protected override render() {
    return html`<div part="description">${safeHtml(this.description)}</div>`;
  }
}
define('chain-test-description', DescriptionProbe);

describe('sanitizeHtml()', () => {
  beforeEach(() => {
    window.__xss = [];
  });
  afterEach(() => {
    delete window.__xss;
  });

  for (const [name, payload] of CORPUS) {
    it(`neutralizes ${name}`, async () => {
      const fragment = sanitizeHtml(payload);
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.append(fragment.cloneNode(true));
      assertInert(fragment);
      // Give load/error/toggle events a chance to fire.
      await aTimeout(50);
      expect(window.__xss).to.deep.equal([]);
    });
  }

  it('notices execution: payloads rendered unsanitized do run (control)', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const sample = CORPUS.filter(([name]) => name === 'img onerror' || name === 'details ontoggle');
    host.append(document.createRange().createContextualFragment(sample.map(([, p]) => p).join('\n')));
    await aTimeout(100);
    expect(window.__xss).to.include.members(['img', 'details']);
    host.replaceChildren();
  });

  it('executes nothing when the whole corpus is rendered by an element', async () => {
    const el = await fixture<DescriptionProbe>(
      html`<chain-test-description
        .description=${CORPUS.map(([, p]) => p).join('\n')}
      ></chain-test-description>`,
    );
    await aTimeout(100);
    expect(window.__xss).to.deep.equal([]);
    const part = el.shadowRoot!.querySelector('[part=description]')!;
    expect(part.querySelector(FORBIDDEN_ELEMENTS)).to.equal(null);
    // The harmless parts survive as text.
    expect(part.textContent).to.contain('styled');
    expect(part.textContent).to.contain('click');
  });

  it('keeps formatting, lists, tables and safe links, and marks links noopener', () => {
    const container = document.createElement('div');
    container.append(
      sanitizeHtml(
        '<h3 lang="zh-CN">面料</h3><p>60% <strong>wool</strong>, <em>soft</em><br>warm</p>' +
          '<ul><li>one</li><li>two</li></ul><table><tr><th scope="col">Size</th><td colspan="2">M</td></tr></table>' +
          '<a href="https://factory.example/spec?a=1">spec</a><a href="/relative">rel</a><a href="//evil.example">pr</a>',
      ),
    );
    expect(container.querySelector('h3')!.lang).to.equal('zh-CN');
    expect(container.querySelector('strong')!.textContent).to.equal('wool');
    expect(container.querySelectorAll('li')).to.have.length(2);
    expect(container.querySelector('td')!.colSpan).to.equal(2);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://factory.example/spec?a=1',
      null,
      null,
    ]);
    expect(links[0]!.rel).to.equal('noopener noreferrer nofollow');
    expect(links[0]!.target).to.equal('_blank');
    expect(links.map((a) => a.textContent)).to.deep.equal(['spec', 'rel', 'pr']);
  });

  it('drops class, id, style and data attributes but keeps the text', () => {
    const container = document.createElement('div');
    container.append(
      sanitizeHtml('<p class="x" id="y" style="color:red" data-a="1" aria-hidden="true">kept</p>'),
    );
    const p = container.querySelector('p')!;
    expect(p.getAttributeNames()).to.deep.equal([]);
    expect(p.textContent).to.equal('kept');
  });

  it('gives plain text back as text and nothing for empty input', () => {
    const container = document.createElement('div');
    container.append(sanitizeHtml('1 < 2 & 3 > 2'));
    expect(container.textContent).to.equal('1 < 2 & 3 > 2');
    expect(sanitizeHtml('').childNodes).to.have.length(0);
    expect(sanitizeHtml(undefined).childNodes).to.have.length(0);
  });

  it('re-sanitizes in the directive only when the HTML changes', async () => {
    const el = await fixture<DescriptionProbe>(
      html`<chain-test-description .description=${'<p>one</p>'}></chain-test-description>`,
    );
    const part = el.shadowRoot!.querySelector('[part=description]')!;
    const first = part.querySelector('p')!;
    el.requestUpdate();
    await el.updateComplete;
    expect(part.querySelector('p')).to.equal(first);
    el.description = '<p>two</p>';
    await el.updateComplete;
    expect(part.querySelector('p')!.textContent).to.equal('two');
  });

  it('tells markup from plain text', () => {
    expect(looksLikeHtml('<p>x</p>')).to.equal(true);
    expect(looksLikeHtml('a <b>')).to.equal(true);
    expect(looksLikeHtml('1 < 2')).to.equal(false);
    expect(looksLikeHtml('plain')).to.equal(false);
  });
});
