// Its own file (its own page): @lit/localize is configured here by "someone else" before any
// Chainkit code runs, as when the page's own app (or another copy of Chainkit sharing one
// @lit/localize) got there first.
import { expect } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import { ensureLocalization, getChainLocale, setChainLocale } from '../src/internal/localization.js';

describe('localization when @lit/localize is already configured', () => {
  it('warns once, does not throw, and keeps working in the source language', async () => {
    configureLocalization({ sourceLocale: 'en', targetLocales: ['fr'], loadLocale: () => Promise.reject() });
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      expect(() => ensureLocalization()).not.to.throw();
      ensureLocalization();
      await setChainLocale('zh-CN');
      expect(getChainLocale()).to.equal('en');
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]?.[0])).to.contain('already configured');
  });
});
