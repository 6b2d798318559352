// <chain-catalog> and <chain-ladder-price> under a strict Content Security Policy: no inline
// styles, no eval. The policy is added with a <meta> element, which applies from its insertion on,
// so it lives in this file alone (Web Test Runner gives each test file its own page).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChainCatalog, ChainLadderPrice } from '../src/index.js';
import '../src/define.js';
import { makeOffers } from './catalog-offers.js';
import { COAT, FIXTURE_CATALOG } from './mocks/fixture-catalog.js';

const violations: string[] = [];

before(() => {
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push(
      `${event.violatedDirective}: ${event.sample || event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${(event.target as Element)?.outerHTML?.slice(0, 120)}`,
    );
  });
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "style-src 'self'; object-src 'none'; base-uri 'none'";
  document.head.append(meta);
});

describe('catalog elements under a strict CSP', () => {
  it('has the policy in force: an inline style attribute is refused', async () => {
    const probe = document.createElement('span');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    await waitUntil(() => violations.length > 0, 'a violation for the inline style');
    probe.remove();
    violations.length = 0;
  });

  it('renders, scrolls and switches layout without a violation', async () => {
    const el = await fixture<ChainCatalog>(html`<chain-catalog locale="zh-CN"></chain-catalog>`);
    el.offers = [...FIXTURE_CATALOG.offers, ...makeOffers(500)];
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="list"] [part~="card"]').length > 0);
    window.scrollTo(0, 3000);
    el.layout = 'list';
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    window.scrollTo(0, 0);
    expect(violations).to.deep.equal([]);
  });

  it('prices, steps and opens the mixed-batch popover without a violation', async () => {
    const el = await fixture<ChainLadderPrice>(
      html`<chain-ladder-price locale="en" .offerData=${COAT} quantity="45"></chain-ladder-price>`,
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="increment"]')!.click();
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="mixed-batch-button"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    const popover = el.shadowRoot!.querySelector('[part~="popover"]')!;
    await waitUntil(() => popover.matches(':popover-open'), 'popover open');
    // Placed once floating-ui (loaded on the first open) has computed the position.
    await waitUntil(() => (popover as HTMLElement).dataset.placement !== undefined, 'popover placed');
    expect(popover.getBoundingClientRect().top).to.be.greaterThan(button.getBoundingClientRect().top);
    expect(violations).to.deep.equal([]);
  });
});
