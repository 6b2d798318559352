/**
 * Valibot schemas for the catalog document, shared by `validateCatalog` and the server.
 *
 * `catalogShapeSchema` checks structure only (types, required fields); `catalogSchema`
 * pipes it into the semantic rules of `catalog-rules.ts`, so one `safeParse` with
 * `abortEarly: false` yields every problem. Each issue's message is written to follow the
 * path (`must be a number`); `validateCatalog` joins the two into one sentence.
 * Unknown keys are dropped from the parsed output, so a parsed catalog holds exactly the
 * fields the types describe.
 */
import * as v from 'valibot';
import type { Catalog } from './catalog.js';
import { catalogRuleProblems } from './catalog-rules.js';

const text = () => v.string('must be a string');
const num = () => v.number('must be a number');
const obj = <T extends v.ObjectEntries>(entries: T) => v.object(entries, 'must be an object');
const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'must be an array');

const localizedTextSchema = v.union(
  [text(), v.record(v.string(), text(), 'must be a map of locale to text')],
  'must be a string or a map of locale to text',
);

const tierSchema = obj({ minQuantity: num(), unitPrice: num() });

const rulesSchema = obj({
  moq: num(),
  step: num(),
  max: v.optional(v.nullable(num())),
});

const skuSchema = obj({
  id: text(),
  attributes: v.record(v.string(), text(), 'must be a map of attribute name to value'),
  tiers: v.optional(list(tierSchema)),
  rules: v.optional(rulesSchema),
});

const sourcingSchema = obj({
  factoryId: text(),
  priority: num(),
  skuIds: v.optional(list(text())),
});

const factorySchema = obj({
  id: text(),
  name: text(),
  region: text(),
  dailyCapacity: num(),
  leadTimeDays: num(),
});

const attributeLabelSchema = obj({
  name: v.optional(localizedTextSchema),
  values: v.optional(v.record(v.string(), localizedTextSchema, 'must be a map of value to text')),
});

const offerSchema = obj({
  id: text(),
  title: localizedTextSchema,
  category: text(),
  unit: text(),
  images: v.optional(list(text())),
  description: v.optional(localizedTextSchema),
  attributeLabels: v.optional(
    v.record(v.string(), attributeLabelSchema, 'must be a map of attribute name to labels'),
  ),
  pricing: obj({
    scope: v.picklist(['offer', 'sku'], 'must be "offer" or "sku"'),
    tiers: list(tierSchema),
  }),
  rules: rulesSchema,
  skus: list(skuSchema),
  sourcing: list(sourcingSchema),
});

/** The catalog's structure: types and required fields, no value rules. */
export const catalogShapeSchema = v.object(
  {
    currency: text(),
    factories: list(factorySchema),
    offers: list(offerSchema),
  },
  'must be an object',
);

/**
 * The whole catalog contract: {@link catalogShapeSchema} plus every semantic rule
 * (ladders, quantity rules, unique ids, references). Parse with `abortEarly: false`
 * (valibot's default) to collect every problem; semantic issues carry their full sentence
 * as `message` and have `type: "raw_check"`.
 */
export const catalogSchema = v.pipe(
  catalogShapeSchema,
  v.rawCheck(({ dataset, addIssue }) => {
    for (const problem of catalogRuleProblems(dataset.value)) {
      const path = problem.segments.map((key): v.UnknownPathItem => ({
        type: 'unknown',
        origin: 'value',
        input: undefined,
        key,
        value: undefined,
      }));
      const [first, ...rest] = path;
      addIssue({ message: problem.message, ...(first ? { path: [first, ...rest] } : {}) });
    }
  }),
);

// Compile-time proof that what the schema parses is a Catalog.
type _ParsedIsCatalog = v.InferOutput<typeof catalogShapeSchema> extends Catalog ? true : never;
const _parsedIsCatalog: _ParsedIsCatalog = true;
void _parsedIsCatalog;
