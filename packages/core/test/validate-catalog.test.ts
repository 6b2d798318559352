import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { catalogSchema, validateCatalog, type Catalog, type CatalogProblem } from '../src/index.js';
import { cloneDoc, exampleCatalog, withValue } from './fixtures.js';

function problemsOf(doc: unknown): readonly CatalogProblem[] {
  const result = validateCatalog(doc);
  if (result.ok) throw new Error('expected the catalog to be refused');
  return result.problems;
}

/** The example catalog with a second factory and a second offer, so cross-references can break. */
const richer: Catalog = {
  ...exampleCatalog,
  factories: [
    ...exampleCatalog.factories,
    { id: 'f-dg', name: 'Dongguan Knits', region: 'CN-GD', dailyCapacity: 500, leadTimeDays: 0 },
  ],
  offers: [
    ...exampleCatalog.offers,
    {
      id: 'socks',
      title: 'Wool socks',
      category: 'hosiery',
      unit: 'pair',
      pricing: { scope: 'sku', tiers: [{ minQuantity: 12, unitPrice: 300 }] },
      rules: { moq: 12, step: 12, max: 1200 },
      skus: [
        { id: 'socks-grey', attributes: { color: 'grey' }, rules: { moq: 24, step: 12 } },
        { id: 'socks-navy', attributes: { color: 'navy' } },
      ],
      sourcing: [
        { factoryId: 'f-dg', priority: 1, skuIds: ['socks-grey'] },
        { factoryId: 'f-yiwu', priority: 2, skuIds: ['socks-navy'] },
      ],
    },
  ],
};

describe('validateCatalog', () => {
  it("accepts the issue's example catalog and returns it", () => {
    const result = validateCatalog(JSON.parse(JSON.stringify(exampleCatalog)));
    expect(result).toEqual({ ok: true, catalog: exampleCatalog });
    expect(validateCatalog(richer).ok).toBe(true);
  });

  it('drops unknown keys from the parsed catalog', () => {
    const result = validateCatalog(withValue(exampleCatalog, 'offers[0].extra', 1));
    expect(result.ok && 'extra' in (result.catalog.offers[0] ?? {})).toBe(false);
    expect(result.ok).toBe(true);
  });

  it.each([
    // Structure
    ['currency', undefined, 'currency', 'currency is required'],
    ['currency', 156, 'currency', 'currency must be a string'],
    ['offers', {}, 'offers', 'offers must be an array'],
    ['offers[0].unit', undefined, 'offers[0].unit', 'offers[0].unit is required'],
    [
      'offers[0].pricing.scope',
      'cart',
      'offers[0].pricing.scope',
      'offers[0].pricing.scope must be "offer" or "sku"',
    ],
    [
      'offers[0].pricing.tiers[1].unitPrice',
      '1050',
      'offers[0].pricing.tiers[1].unitPrice',
      'offers[0].pricing.tiers[1].unitPrice must be a number',
    ],
    [
      'offers[0].pricing.tiers[1]',
      5,
      'offers[0].pricing.tiers[1]',
      'offers[0].pricing.tiers[1] must be an object',
    ],
    ['offers[0].rules.max', 'none', 'offers[0].rules.max', 'offers[0].rules.max must be a number'],
    [
      'offers[0].skus[0].attributes.size',
      3,
      'offers[0].skus[0].attributes.size',
      'offers[0].skus[0].attributes.size must be a string',
    ],
    ['offers[0].title', 7, 'offers[0].title', 'offers[0].title must be a string or a map of locale to text'],
    // Currency and text
    ['currency', 'RMB', 'currency', 'currency "RMB" is not an ISO 4217 currency code'],
    ['offers[0].title', ' ', 'offers[0].title', 'offers[0].title must not be empty'],
    ['offers[0].title', {}, 'offers[0].title', 'offers[0].title must have text for at least one locale'],
    ['offers[0].title.en', '', 'offers[0].title.en', 'offers[0].title.en must not be empty'],
    ['offers[0].unit', '', 'offers[0].unit', 'offers[0].unit must not be empty'],
    // Ladders
    [
      'offers[0].pricing.tiers',
      [],
      'offers[0].pricing.tiers',
      'offers[0].pricing.tiers must have at least one tier',
    ],
    [
      'offers[0].pricing.tiers[0].minQuantity',
      0,
      'offers[0].pricing.tiers[0].minQuantity',
      'offers[0].pricing.tiers[0].minQuantity must be at least 1',
    ],
    [
      'offers[0].pricing.tiers[1].minQuantity',
      2,
      'offers[0].pricing.tiers[1].minQuantity',
      'offers[0].pricing.tiers[1].minQuantity must be greater than 2',
    ],
    [
      'offers[0].pricing.tiers[1].minQuantity',
      99.5,
      'offers[0].pricing.tiers[1].minQuantity',
      'offers[0].pricing.tiers[1].minQuantity must be an integer',
    ],
    [
      'offers[0].pricing.tiers[2].minQuantity',
      50,
      'offers[0].pricing.tiers[2].minQuantity',
      'offers[0].pricing.tiers[2].minQuantity must be greater than 100',
    ],
    [
      'offers[0].pricing.tiers[1].unitPrice',
      1250,
      'offers[0].pricing.tiers[1].unitPrice',
      'offers[0].pricing.tiers[1].unitPrice must not be greater than 1200, the unit price of a smaller quantity',
    ],
    [
      'offers[0].pricing.tiers[2].unitPrice',
      -1,
      'offers[0].pricing.tiers[2].unitPrice',
      'offers[0].pricing.tiers[2].unitPrice must not be negative',
    ],
    [
      'offers[0].pricing.tiers[0].unitPrice',
      10.5,
      'offers[0].pricing.tiers[0].unitPrice',
      'offers[0].pricing.tiers[0].unitPrice must be an integer',
    ],
    [
      'offers[0].pricing.tiers[0].unitPrice',
      2 ** 53,
      'offers[0].pricing.tiers[0].unitPrice',
      'offers[0].pricing.tiers[0].unitPrice must be at most 9007199254740991',
    ],
    [
      'offers[0].skus[1].tiers[2].unitPrice',
      1200,
      'offers[0].skus[1].tiers[2].unitPrice',
      'offers[0].skus[1].tiers[2].unitPrice must not be greater than 1150, the unit price of a smaller quantity',
    ],
    [
      'offers[0].skus[1].tiers',
      [],
      'offers[0].skus[1].tiers',
      'offers[0].skus[1].tiers must have at least one tier',
    ],
    // Quantity rules
    ['offers[0].rules.moq', 0, 'offers[0].rules.moq', 'offers[0].rules.moq must be at least 1'],
    ['offers[0].rules.moq', 2.5, 'offers[0].rules.moq', 'offers[0].rules.moq must be an integer'],
    ['offers[0].rules.step', 0, 'offers[0].rules.step', 'offers[0].rules.step must be at least 1'],
    ['offers[1].rules.moq', 18, 'offers[1].rules.moq', 'offers[1].rules.moq must be a multiple of step (12)'],
    ['offers[1].rules.max', 0, 'offers[1].rules.max', 'offers[1].rules.max must be at least 1'],
    ['offers[1].rules.max', 6, 'offers[1].rules.max', 'offers[1].rules.max must be at least moq (12)'],
    [
      'offers[1].skus[0].rules.step',
      5,
      'offers[1].skus[0].rules.moq',
      'offers[1].skus[0].rules.moq must be a multiple of step (5)',
    ],
    // Ids
    [
      'factories[1].id',
      'f-yiwu',
      'factories[1].id',
      'factories[1].id "f-yiwu" is already used by factories[0]',
    ],
    ['offers[1].id', 'coat', 'offers[1].id', 'offers[1].id "coat" is already used by offers[0]'],
    ['offers[0].id', '', 'offers[0].id', 'offers[0].id must not be empty'],
    [
      'offers[1].skus[1].id',
      'coat-red-m',
      'offers[1].skus[1].id',
      'offers[1].skus[1].id "coat-red-m" is already used by offers[0].skus[0]',
    ],
    // Factories
    [
      'factories[0].dailyCapacity',
      0,
      'factories[0].dailyCapacity',
      'factories[0].dailyCapacity must be at least 1',
    ],
    [
      'factories[0].dailyCapacity',
      1.5,
      'factories[0].dailyCapacity',
      'factories[0].dailyCapacity must be an integer',
    ],
    [
      'factories[1].leadTimeDays',
      -1,
      'factories[1].leadTimeDays',
      'factories[1].leadTimeDays must not be negative',
    ],
    [
      'factories[0].region',
      'Zhejiang',
      'factories[0].region',
      'factories[0].region must be an ISO 3166-2 region code such as CN-ZJ',
    ],
    ['factories[0].name', '', 'factories[0].name', 'factories[0].name must not be empty'],
    // Sourcing and coverage
    ['offers[0].skus', [], 'offers[0].skus', 'offers[0].skus must have at least one SKU'],
    ['offers[0].sourcing', [], 'offers[0].sourcing', 'offers[0].sourcing must name at least one factory'],
    [
      'offers[1].sourcing[1].skuIds[0]',
      'coat-red-m',
      'offers[1].sourcing[1].skuIds[0]',
      'offers[1].sourcing[1].skuIds[0] "coat-red-m" is not a SKU of this offer',
    ],
    [
      'offers[1].sourcing[0].skuIds',
      [],
      'offers[1].sourcing[0].skuIds',
      'offers[1].sourcing[0].skuIds must name at least one SKU (leave it out to mean every SKU)',
    ],
    [
      'offers[1].sourcing[0].priority',
      0.5,
      'offers[1].sourcing[0].priority',
      'offers[1].sourcing[0].priority must be an integer',
    ],
  ])('%s = %j → %s', (path, value, problemPath, message) => {
    const problems = problemsOf(withValue(richer, path, value));
    expect(problems).toContainEqual({ path: problemPath, message });
  });

  it('reports a sourcing entry naming a missing factory and the SKU left without a factory', () => {
    const problems = problemsOf(withValue(richer, 'offers[1].sourcing[0].factoryId', 'f-gone'));
    expect(problems).toEqual([
      {
        path: 'offers[1].sourcing[0].factoryId',
        message: 'offers[1].sourcing[0].factoryId "f-gone" is not a factory of this catalog',
      },
      {
        path: 'offers[1].skus[0]',
        message:
          'offers[1].skus[0] ("socks-grey") is not made by any factory: no sourcing entry with a known factory covers it',
      },
    ]);
  });

  it("keeps attribute labels naming the SKUs' attributes and values, and reports the others", () => {
    const labels = {
      color: { name: { 'zh-CN': '颜色', en: 'Colour' }, values: { grey: { 'zh-CN': '灰色' }, navy: '藏青' } },
    };
    const ok = validateCatalog(withValue(richer, 'offers[1].attributeLabels', labels));
    expect(ok.ok && ok.catalog.offers[1]!.attributeLabels).toEqual(labels);

    const typo = { colour: { name: '颜色' }, color: { name: '', values: { gray: '灰色', navy: 5 } } };
    const problems = problemsOf(withValue(richer, 'offers[1].attributeLabels', typo));
    expect(problems).toEqual([
      {
        path: 'offers[1].attributeLabels.color.values.navy',
        message: 'offers[1].attributeLabels.color.values.navy must be a string or a map of locale to text',
      },
      {
        path: 'offers[1].attributeLabels.colour',
        message: 'offers[1].attributeLabels.colour is not an attribute of any SKU of this offer',
      },
      {
        path: 'offers[1].attributeLabels.color.name',
        message: 'offers[1].attributeLabels.color.name must not be empty',
      },
      {
        path: 'offers[1].attributeLabels.color.values.gray',
        message: 'offers[1].attributeLabels.color.values.gray is not a value of "color" in any SKU',
      },
    ]);
  });

  it('refuses a document that is not an object', () => {
    for (const doc of [null, 42, 'catalog', undefined]) {
      expect(problemsOf(doc)).toEqual([{ path: '', message: 'the catalog must be an object' }]);
    }
    // Valibot reads an array as an object without keys.
    expect(problemsOf([])).toContainEqual({ path: 'currency', message: 'currency is required' });
  });

  it('reports every problem at once, structural and semantic', () => {
    const doc = cloneDoc(richer) as {
      currency: unknown;
      factories: Record<string, unknown>[];
      offers: Record<string, unknown>[];
    };
    doc.currency = 'XYZ';
    doc.factories[1]!['dailyCapacity'] = -3;
    const coat = doc.offers[0]!;
    delete coat['category'];
    coat['pricing'] = {
      scope: 'offer',
      tiers: [
        { minQuantity: 2, unitPrice: 1200 },
        { minQuantity: 2, unitPrice: 1300 },
      ],
    };
    coat['rules'] = { moq: 3, step: 2, max: 1 };
    doc.offers[1]!['id'] = 'coat';
    expect(problemsOf(doc)).toEqual([
      { path: 'offers[0].category', message: 'offers[0].category is required' },
      { path: 'currency', message: 'currency "XYZ" is not an ISO 4217 currency code' },
      { path: 'factories[1].dailyCapacity', message: 'factories[1].dailyCapacity must be at least 1' },
      {
        path: 'offers[0].pricing.tiers[1].minQuantity',
        message: 'offers[0].pricing.tiers[1].minQuantity must be greater than 2',
      },
      {
        path: 'offers[0].pricing.tiers[1].unitPrice',
        message:
          'offers[0].pricing.tiers[1].unitPrice must not be greater than 1200, the unit price of a smaller quantity',
      },
      { path: 'offers[0].rules.moq', message: 'offers[0].rules.moq must be a multiple of step (2)' },
      { path: 'offers[0].rules.max', message: 'offers[0].rules.max must be at least moq (3)' },
      { path: 'offers[1].id', message: 'offers[1].id "coat" is already used by offers[0]' },
    ]);
  });

  it('exports a schema that gives the same verdicts to other valibot users', () => {
    expect(v.safeParse(catalogSchema, richer).success).toBe(true);
    const result = v.safeParse(catalogSchema, withValue(richer, 'offers[0].rules.moq', 0));
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => issue.message)).toEqual(['offers[0].rules.moq must be at least 1']);
  });
});
