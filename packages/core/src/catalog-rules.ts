/**
 * The catalog's semantic rules: what the structural schema cannot say (ladders ascend,
 * prices never rise, MOQ is a multiple of the step, ids are unique, references resolve).
 *
 * The checks walk an `unknown` document defensively and skip any value of the wrong type,
 * because the structural schema already reports it; so they can run on a half-broken
 * document and a merchant sees every problem in one pass instead of one per upload.
 *
 * Why these rules are enough for pricing: every unit price is a non-negative safe integer
 * and every quantity that `quote` accepts is a positive safe integer, and `quote` refuses
 * (as `invalid_quantity`) any line whose total at list price would pass
 * Number.MAX_SAFE_INTEGER. So a validated catalog can never make `quote` return a negative,
 * fractional or unsafe amount.
 */
import { isCurrency } from './currencies.js';
import { formatPath, type PathSegment } from './catalog-path.js';

/** One semantic problem: where it is and the full sentence to show. */
export interface RuleProblem {
  readonly segments: readonly PathSegment[];
  readonly message: string;
}

type Doc = Record<string, unknown>;

function isDoc(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A region like `CN`, `CN-ZJ`, `US-CA`: ISO 3166-1 alpha-2, optionally a subdivision. */
const REGION = /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/;

class Problems {
  readonly list: RuleProblem[] = [];

  add(segments: readonly PathSegment[], text: string): void {
    this.list.push({ segments, message: `${formatPath(segments)} ${text}` });
  }

  /**
   * Checks a number the schema already typed: integer, safe, at least `min`.
   * Returns the value when it passes, so later checks compare only sound numbers.
   */
  integer(segments: readonly PathSegment[], value: unknown, min: number): number | undefined {
    if (typeof value !== 'number') return undefined; // the schema reports the type
    if (!Number.isInteger(value)) {
      this.add(segments, 'must be an integer');
      return undefined;
    }
    if (!Number.isSafeInteger(value)) {
      this.add(segments, `must be at most ${Number.MAX_SAFE_INTEGER}`);
      return undefined;
    }
    if (value < min) {
      this.add(segments, min === 0 ? 'must not be negative' : `must be at least ${min}`);
      return undefined;
    }
    return value;
  }

  nonEmpty(segments: readonly PathSegment[], value: unknown): string | undefined {
    if (typeof value !== 'string') return undefined;
    if (value.trim() === '') {
      this.add(segments, 'must not be empty');
      return undefined;
    }
    return value;
  }
}

/** A ladder: at least one tier, minQuantity ascending from ≥ 1, prices never rising. */
function checkLadder(problems: Problems, at: readonly PathSegment[], tiers: unknown): void {
  if (!Array.isArray(tiers)) return;
  if (tiers.length === 0) {
    problems.add(at, 'must have at least one tier');
    return;
  }
  let previousMin: number | undefined;
  let previousPrice: number | undefined;
  tiers.forEach((tier: unknown, i) => {
    if (!isDoc(tier)) return;
    const minAt = [...at, i, 'minQuantity'];
    const min = problems.integer(minAt, tier['minQuantity'], 1);
    if (min !== undefined && previousMin !== undefined && min <= previousMin) {
      problems.add(minAt, `must be greater than ${previousMin}`);
    } else if (min !== undefined) {
      previousMin = min;
    }
    const priceAt = [...at, i, 'unitPrice'];
    const price = problems.integer(priceAt, tier['unitPrice'], 0);
    if (price !== undefined && previousPrice !== undefined && price > previousPrice) {
      problems.add(
        priceAt,
        `must not be greater than ${previousPrice}, the unit price of a smaller quantity`,
      );
    } else if (price !== undefined) {
      previousPrice = price;
    }
  });
}

/** Quantity rules: moq and step positive integers, moq a multiple of step, max ≥ moq. */
function checkRules(problems: Problems, at: readonly PathSegment[], rules: unknown): void {
  if (!isDoc(rules)) return;
  const moq = problems.integer([...at, 'moq'], rules['moq'], 1);
  const step = problems.integer([...at, 'step'], rules['step'], 1);
  if (moq !== undefined && step !== undefined && moq % step !== 0) {
    problems.add([...at, 'moq'], `must be a multiple of step (${step})`);
  }
  const rawMax = rules['max'];
  if (rawMax === null || rawMax === undefined) return;
  const max = problems.integer([...at, 'max'], rawMax, 1);
  if (max !== undefined && moq !== undefined && max < moq) {
    problems.add([...at, 'max'], `must be at least moq (${moq})`);
  }
}

function checkText(problems: Problems, at: readonly PathSegment[], text: unknown): void {
  if (typeof text === 'string') {
    problems.nonEmpty(at, text);
    return;
  }
  if (!isDoc(text)) return;
  const entries = Object.entries(text);
  if (entries.length === 0) problems.add(at, 'must have text for at least one locale');
  for (const [locale, value] of entries) problems.nonEmpty([...at, locale], value);
}

function checkFactories(problems: Problems, factories: unknown): Set<string> {
  const ids = new Map<string, string>();
  if (!Array.isArray(factories)) return new Set();
  factories.forEach((factory: unknown, i) => {
    if (!isDoc(factory)) return;
    const id = problems.nonEmpty(['factories', i, 'id'], factory['id']);
    if (id !== undefined) {
      const first = ids.get(id);
      if (first !== undefined)
        problems.add(['factories', i, 'id'], `${JSON.stringify(id)} is already used by ${first}`);
      else ids.set(id, formatPath(['factories', i]));
    }
    problems.nonEmpty(['factories', i, 'name'], factory['name']);
    const region = factory['region'];
    if (typeof region === 'string' && !REGION.test(region)) {
      problems.add(['factories', i, 'region'], 'must be an ISO 3166-2 region code such as CN-ZJ');
    }
    problems.integer(['factories', i, 'dailyCapacity'], factory['dailyCapacity'], 1);
    problems.integer(['factories', i, 'leadTimeDays'], factory['leadTimeDays'], 0);
  });
  return new Set(ids.keys());
}

function checkSourcing(
  problems: Problems,
  at: readonly PathSegment[],
  offer: Doc,
  skuIds: ReadonlySet<string>,
  factoryIds: ReadonlySet<string>,
): void {
  const sourcing = offer['sourcing'];
  if (!Array.isArray(sourcing)) return;
  if (sourcing.length === 0) {
    problems.add([...at, 'sourcing'], 'must name at least one factory');
    return;
  }
  // SKU ids some known factory can make; `true` stands for "every SKU of the offer".
  const covered = new Set<string>();
  let coversAll = false;
  sourcing.forEach((entry: unknown, i) => {
    if (!isDoc(entry)) return;
    const entryAt = [...at, 'sourcing', i];
    const factoryId = entry['factoryId'];
    const knownFactory = typeof factoryId === 'string' && factoryIds.has(factoryId);
    if (typeof factoryId === 'string' && !knownFactory) {
      problems.add(
        [...entryAt, 'factoryId'],
        `${JSON.stringify(factoryId)} is not a factory of this catalog`,
      );
    }
    const priority = entry['priority'];
    if (typeof priority === 'number' && !Number.isSafeInteger(priority)) {
      problems.add([...entryAt, 'priority'], 'must be an integer');
    }
    const restricted = entry['skuIds'];
    if (restricted === undefined) {
      if (knownFactory) coversAll = true;
      return;
    }
    if (!Array.isArray(restricted)) return;
    if (restricted.length === 0) {
      problems.add([...entryAt, 'skuIds'], 'must name at least one SKU (leave it out to mean every SKU)');
    }
    restricted.forEach((skuId: unknown, j) => {
      if (typeof skuId !== 'string') return;
      if (!skuIds.has(skuId)) {
        problems.add([...entryAt, 'skuIds', j], `${JSON.stringify(skuId)} is not a SKU of this offer`);
      } else if (knownFactory) {
        covered.add(skuId);
      }
    });
  });
  if (coversAll) return;
  const skus = offer['skus'];
  if (!Array.isArray(skus)) return;
  skus.forEach((sku: unknown, i) => {
    if (!isDoc(sku) || typeof sku['id'] !== 'string' || covered.has(sku['id'])) return;
    problems.add(
      [...at, 'skus', i],
      `(${JSON.stringify(sku['id'])}) is not made by any factory: no sourcing entry with a known factory covers it`,
    );
  });
}

function checkOffer(
  problems: Problems,
  i: number,
  offer: Doc,
  offerIds: Map<string, string>,
  skuOwners: Map<string, string>,
  factoryIds: ReadonlySet<string>,
): void {
  const at: PathSegment[] = ['offers', i];
  const id = problems.nonEmpty([...at, 'id'], offer['id']);
  if (id !== undefined) {
    const first = offerIds.get(id);
    if (first !== undefined) problems.add([...at, 'id'], `${JSON.stringify(id)} is already used by ${first}`);
    else offerIds.set(id, formatPath(at));
  }
  checkText(problems, [...at, 'title'], offer['title']);
  problems.nonEmpty([...at, 'unit'], offer['unit']);
  const pricing = offer['pricing'];
  if (isDoc(pricing)) checkLadder(problems, [...at, 'pricing', 'tiers'], pricing['tiers']);
  checkRules(problems, [...at, 'rules'], offer['rules']);

  const skuIds = new Set<string>();
  const skus = offer['skus'];
  if (Array.isArray(skus)) {
    if (skus.length === 0) problems.add([...at, 'skus'], 'must have at least one SKU');
    skus.forEach((sku: unknown, j) => {
      if (!isDoc(sku)) return;
      const skuAt = [...at, 'skus', j];
      // SKU ids are unique across the whole catalog: a quote line names a SKU alone.
      const skuId = problems.nonEmpty([...skuAt, 'id'], sku['id']);
      if (skuId !== undefined) {
        const first = skuOwners.get(skuId);
        if (first !== undefined)
          problems.add([...skuAt, 'id'], `${JSON.stringify(skuId)} is already used by ${first}`);
        else skuOwners.set(skuId, formatPath(skuAt));
        skuIds.add(skuId);
      }
      if (sku['tiers'] !== undefined) checkLadder(problems, [...skuAt, 'tiers'], sku['tiers']);
      if (sku['rules'] !== undefined) checkRules(problems, [...skuAt, 'rules'], sku['rules']);
    });
  }
  checkSourcing(problems, at, offer, skuIds, factoryIds);
  checkAttributeLabels(problems, at, offer);
}

/**
 * Labels name attributes and values the offer's SKUs have: a label for anything else is a typo
 * that would silently show the value as written.
 */
function checkAttributeLabels(problems: Problems, at: readonly PathSegment[], offer: Doc): void {
  const labels = offer['attributeLabels'];
  if (!isDoc(labels)) return;
  const values = new Map<string, Set<string>>();
  for (const sku of Array.isArray(offer['skus']) ? offer['skus'] : []) {
    if (!isDoc(sku) || !isDoc(sku['attributes'])) continue;
    for (const [name, value] of Object.entries(sku['attributes'])) {
      if (!values.has(name)) values.set(name, new Set());
      values.get(name)!.add(String(value));
    }
  }
  for (const [name, label] of Object.entries(labels)) {
    const labelAt = [...at, 'attributeLabels', name];
    const known = values.get(name);
    if (!known) {
      problems.add(labelAt, 'is not an attribute of any SKU of this offer');
      continue;
    }
    if (!isDoc(label)) continue;
    if (label['name'] !== undefined) checkText(problems, [...labelAt, 'name'], label['name']);
    if (!isDoc(label['values'])) continue;
    for (const [value, text] of Object.entries(label['values'])) {
      if (!known.has(value)) {
        problems.add([...labelAt, 'values', value], `is not a value of ${JSON.stringify(name)} in any SKU`);
      } else checkText(problems, [...labelAt, 'values', value], text);
    }
  }
}

/**
 * Every semantic problem of a catalog document, in document order. Values of the wrong
 * type are skipped (the structural schema reports those).
 */
export function catalogRuleProblems(doc: unknown): RuleProblem[] {
  const problems = new Problems();
  if (!isDoc(doc)) return problems.list;
  const currency = doc['currency'];
  if (typeof currency === 'string' && !isCurrency(currency)) {
    problems.add(['currency'], `${JSON.stringify(currency)} is not an ISO 4217 currency code`);
  }
  const factoryIds = checkFactories(problems, doc['factories']);
  const offers = doc['offers'];
  if (Array.isArray(offers)) {
    const offerIds = new Map<string, string>();
    const skuOwners = new Map<string, string>();
    offers.forEach((offer: unknown, i) => {
      if (isDoc(offer)) checkOffer(problems, i, offer, offerIds, skuOwners, factoryIds);
    });
  }
  return problems.list;
}
