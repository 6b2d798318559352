import { expect, fixture, html } from '@open-wc/testing';
import { css } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import {
  ChainElement,
  define,
  focusRing,
  hostStyles,
  tokenDefaults,
  tokenNames,
  tokens,
} from '../src/index.js';

class Swatch extends ChainElement {
  static override styles = [
    hostStyles,
    focusRing,
    css`
      :host {
        display: block;
        color: ${tokens.colorText};
        background: ${tokens.colorSurface};
        padding: ${tokens.space2};
      }
    `,
  ];

  protected override render() {
    return html`<button type="button">Swatch</button>`;
  }
}
define('chain-test-swatch', Swatch);

async function declarations(file: string): Promise<Map<string, string>> {
  const text = await (await fetch(new URL(`../src/themes/${file}`, import.meta.url))).text();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  const found = new Map<string, string>();
  for (const rule of sheet.cssRules) {
    if (!(rule instanceof CSSStyleRule)) continue;
    for (const name of Array.from(rule.style)) {
      if (name.startsWith('--')) found.set(name, rule.style.getPropertyValue(name).trim());
    }
  }
  return found;
}

function squash(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/"/g, "'");
}

describe('theme', () => {
  it('looks right with no theme: the fallbacks apply', async () => {
    const el = await fixture<Swatch>(html`<chain-test-swatch></chain-test-swatch>`);
    const style = getComputedStyle(el);
    expect(style.color).to.equal('rgb(31, 41, 55)');
    expect(style.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(style.paddingTop).to.equal('8px');
  });

  it('lets a page theme elements by setting tokens on an ancestor', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div style="--chain-color-text: rgb(1, 2, 3)"><chain-test-swatch></chain-test-swatch></div>`,
    );
    expect(getComputedStyle(root.querySelector('chain-test-swatch')!).color).to.equal('rgb(1, 2, 3)');
  });

  it('ships a light preset equal to the fallbacks', async () => {
    const light = await declarations('light.css');
    expect([...light.keys()].sort()).to.deep.equal([...tokenNames].sort());
    for (const name of tokenNames)
      expect(squash(light.get(name)!), name).to.equal(squash(tokenDefaults[name]));
  });

  it('ships a dark preset that sets every token under .chain-theme-dark', async () => {
    const dark = await declarations('dark.css');
    expect([...dark.keys()].sort()).to.deep.equal([...tokenNames].sort());

    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('../src/themes/dark.css', import.meta.url).href;
    const loaded = new Promise((resolve) => link.addEventListener('load', resolve));
    document.head.append(link);
    try {
      await loaded;
      const root = await fixture<HTMLDivElement>(
        html`<div class="chain-theme-dark"><chain-test-swatch></chain-test-swatch></div>`,
      );
      const style = getComputedStyle(root.querySelector('chain-test-swatch')!);
      expect(style.color).to.equal('rgb(243, 244, 246)');
      expect(style.backgroundColor).to.equal('rgb(17, 24, 39)');
    } finally {
      link.remove();
    }
  });

  it('draws the focus ring on keyboard focus', async () => {
    const el = await fixture<Swatch>(html`<chain-test-swatch></chain-test-swatch>`);
    const button = el.shadowRoot!.querySelector('button')!;
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button);
    const style = getComputedStyle(button);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('2px');
    expect(style.outlineColor).to.equal('rgb(37, 99, 235)');
    expect(style.outlineOffset).to.equal('2px');
  });
});
