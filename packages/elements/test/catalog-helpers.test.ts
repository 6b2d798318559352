// The pure helpers behind <chain-catalog> and <chain-ladder-price>. They need no DOM, but run
// here with the element tests (vitest leaves packages/elements to the browser runner).
import { formatMoney, tierTable, type Offer } from '@chainkit/core';
import { expect } from '@open-wc/testing';
import { categoriesOf, categoryLabel, normalizeCategories } from '../src/catalog/categories.js';
import { filterOffers, foldText, offerMatches } from '../src/catalog/filter-offers.js';
import { columnsFor, gridGeometry } from '../src/catalog/grid-geometry.js';
import { ladderSummary, type LadderSummaryFormat } from '../src/catalog/ladder-summary.js';
import { currentRowIndex, pricedSku, quoteOne, stepperRules } from '../src/ladder-price/ladder-quote.js';
import {
  canStepDown,
  canStepUp,
  quantityBounds,
  snapQuantity,
  stepBy,
  stepDown,
  stepUp,
} from '../src/ladder-price/quantity-steps.js';
import { makeOffers } from './catalog-offers.js';
import { COAT, FIXTURE_CATALOG, HAT, SOCKS } from './mocks/fixture-catalog.js';

const zh: LadderSummaryFormat = {
  quantity: (n) => new Intl.NumberFormat('zh-CN').format(n),
  money: (n) => formatMoney(n, 'CNY', 'zh-CN'),
  unit: '件',
};

const ladder = (tiers: [number, number][], rules: Offer['rules']): Offer => ({
  ...makeOffers(1)[0]!,
  pricing: { scope: 'offer', tiers: tiers.map(([minQuantity, unitPrice]) => ({ minQuantity, unitPrice })) },
  rules,
});

describe('catalog helpers', () => {
  describe('ladderSummary', () => {
    it('writes the 1688 ladder in short, the unit on the first row only', () => {
      const offer = ladder(
        [
          [2, 1200],
          [100, 1050],
          [1000, 980],
        ],
        { moq: 2, step: 1 },
      );
      expect(ladderSummary(tierTable(offer), zh)).to.equal('2–99 件 ¥12.00 · 100–999 ¥10.50 · ≥1,000 ¥9.80');
    });

    it('keeps the first rows and the cheapest when there are more rows than fit', () => {
      const offer = ladder(
        [
          [1, 500],
          [10, 400],
          [20, 300],
          [50, 200],
        ],
        { moq: 1, step: 1 },
      );
      expect(ladderSummary(tierTable(offer), zh, 3)).to.equal('1–9 件 ¥5.00 · 10–19 ¥4.00 · … · ≥50 ¥2.00');
      expect(ladderSummary(tierTable(offer), zh, 4)).to.equal(
        '1–9 件 ¥5.00 · 10–19 ¥4.00 · 20–49 ¥3.00 · ≥50 ¥2.00',
      );
    });

    it('writes one-quantity rows, a capped last row, a lone open row and no rows', () => {
      const capped = ladder(
        [
          [10, 900],
          [11, 800],
        ],
        { moq: 10, step: 1, max: 20 },
      );
      expect(ladderSummary(tierTable(capped), zh)).to.equal('10 件 ¥9.00 · 11–20 ¥8.00');
      const single = ladder([[2, 1200]], { moq: 2, step: 1 });
      expect(ladderSummary(tierTable(single), { ...zh, unit: '' })).to.equal('≥2 ¥12.00');
      expect(ladderSummary([], zh)).to.equal('');
    });
  });

  describe('quantity steps', () => {
    it('starts at the MOQ rounded up to the step and stops at the cap rounded down', () => {
      expect(quantityBounds({ moq: 10, step: 6, max: 100 })).to.deep.equal({ min: 12, step: 6, max: 96 });
      expect(quantityBounds({ moq: 12, step: 6 })).to.deep.equal({ min: 12, step: 6, max: null });
      expect(quantityBounds({ moq: 12, step: 6, max: 5 })).to.deep.equal({ min: 12, step: 6, max: null });
      expect(quantityBounds({ moq: 0, step: 0, max: null })).to.deep.equal({ min: 1, step: 1, max: null });
    });

    it('snaps to the nearest multiple of the step within the bounds', () => {
      const bounds = quantityBounds({ moq: 12, step: 6, max: 120 });
      expect([61, 62, 63, 66, 5, 0, -6, 500, Number.NaN].map((n) => snapQuantity(n, bounds))).to.deep.equal([
        60, 60, 66, 66, 12, 12, 12, 120, 12,
      ]);
    });

    it('steps up and down, never past the bounds', () => {
      const bounds = quantityBounds({ moq: 12, step: 6, max: 24 });
      expect(stepUp(12, bounds)).to.equal(18);
      expect(stepUp(24, bounds)).to.equal(24);
      expect(stepDown(18, bounds)).to.equal(12);
      expect(stepDown(12, bounds)).to.equal(12);
      expect([canStepDown(12, bounds), canStepDown(18, bounds)]).to.deep.equal([false, true]);
      expect([canStepUp(18, bounds), canStepUp(24, bounds)]).to.deep.equal([true, false]);
      expect(canStepUp(1e6, quantityBounds({ moq: 1, step: 1 }))).to.equal(true);
      // Several steps at once (PageUp/PageDown), from a snapped value, within the bounds.
      expect([stepBy(13, 1, bounds), stepBy(12, 10, bounds), stepBy(24, -10, bounds)]).to.deep.equal([
        18, 24, 12,
      ]);
    });
  });

  describe('ladder quote', () => {
    it('prices the SKU asked for, else the first SKU on the offer ladder', () => {
      expect(pricedSku(COAT)?.id).to.equal('coat-black-m');
      expect(pricedSku(COAT, 'coat-camel-xl')?.id).to.equal('coat-camel-xl');
      expect(pricedSku(COAT, 'nope')).to.equal(undefined);
      const allOwn: Offer = {
        ...HAT,
        skus: HAT.skus.map((sku) => ({ ...sku, tiers: [{ minQuantity: 1, unitPrice: 1 }] })),
      };
      expect(pricedSku(allOwn)?.id).to.equal('hat-red');
    });

    it('combines the offer rules with a SKU’s own under a mixed batch', () => {
      const offer: Offer = {
        ...SOCKS,
        rules: { moq: 12, step: 6, max: 600 },
        skus: [{ id: 's', attributes: {}, rules: { moq: 20, step: 4, max: 400 } }],
      };
      expect(stepperRules(offer, offer.skus[0])).to.deep.equal({ moq: 20, step: 12, max: 400 });
      expect(
        stepperRules({ ...offer, pricing: { ...offer.pricing, scope: 'sku' } }, offer.skus[0]),
      ).to.deep.equal({
        moq: 20,
        step: 4,
        max: 400,
      });
      expect(stepperRules(SOCKS, SOCKS.skus[0])).to.equal(SOCKS.rules);
    });

    it('finds the row of a quantity at the edges, and none outside the table', () => {
      const rows = tierTable(COAT);
      expect([9, 10, 49, 50, 199, 200, 5000, 5001].map((q) => currentRowIndex(rows, q))).to.deep.equal([
        -1, 0, 0, 1, 1, 2, 2, -1,
      ]);
    });

    it('quotes one line with core’s quote, the same numbers the server computes', () => {
      const result = quoteOne(COAT, COAT.skus[0]!, 45, 'CNY');
      expect(result.line?.unitPrice).to.equal(15800);
      expect(result.offer?.subtotal).to.equal(45 * 15800);
      expect(result.offer?.nextTier).to.deep.equal({ addQuantity: 5, unitPrice: 14200 });
      expect(result.quote.ok).to.equal(true);
    });
  });

  describe('search and categories', () => {
    it('folds case and full-width letters', () => {
      expect(foldText('  ＳＯＣＫＳ Wool ')).to.equal('socks wool');
    });

    it('matches every word in the id or any title, within the category', () => {
      expect(offerMatches(COAT, { query: 'wool coat' })).to.equal(true);
      expect(offerMatches(COAT, { query: '大衣' })).to.equal(true);
      expect(offerMatches(COAT, { query: 'wool hat' })).to.equal(false);
      expect(offerMatches(SOCKS, { query: 'SOCKS', category: 'accessories' })).to.equal(true);
      expect(offerMatches(SOCKS, { query: 'socks', category: 'outerwear' })).to.equal(false);
      expect(filterOffers(FIXTURE_CATALOG.offers, {})).to.equal(FIXTURE_CATALOG.offers);
      expect(
        filterOffers(FIXTURE_CATALOG.offers, { category: 'accessories' }).map((o) => o.id),
      ).to.deep.equal(['hat', 'socks']);
    });

    it('lists categories once, in order, with labels in the locale', () => {
      expect(categoriesOf(FIXTURE_CATALOG.offers)).to.deep.equal([
        { id: 'outerwear' },
        { id: 'accessories' },
      ]);
      const categories = normalizeCategories([
        'a',
        { id: 'b', label: { en: 'Bee', 'zh-CN': '蜂' } },
        'a',
        '',
      ]);
      expect(categories.map((c) => c.id)).to.deep.equal(['a', 'b']);
      expect(categoryLabel(categories[1]!, 'zh-CN')).to.equal('蜂');
      expect(categoryLabel(categories[0]!, 'zh-CN')).to.equal('a');
    });
  });

  describe('grid geometry', () => {
    it('fits as many columns of the minimum width as the width allows', () => {
      expect([0, 100, 176, 363, 364, 800, 1280].map((w) => columnsFor(w, 176, 12))).to.deep.equal([
        1, 1, 1, 1, 2, 4, 6,
      ]);
    });

    it('shares the width between the columns and rounds the height up', () => {
      expect(gridGeometry(800, { minCardWidth: 176, gap: 12, cardHeight: 312.6 })).to.deep.equal({
        columns: 4,
        cardWidth: 191,
        cardHeight: 313,
        gap: 12,
      });
      expect(
        gridGeometry(800, { minCardWidth: 176, gap: 12, cardHeight: 100, columns: 1 }).cardWidth,
      ).to.equal(800);
    });
  });
});
