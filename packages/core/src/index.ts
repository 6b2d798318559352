export type * from './catalog.js';
export type * from './quote-types.js';
export { CURRENCY_CODES, currencyExponent, isCurrency } from './currencies.js';
export { MoneyError, type MoneyErrorCode } from './money-error.js';
export {
  addMoney,
  allocate,
  formatMoney,
  fromMajorUnits,
  multiplyMoney,
  sumMoney,
  toMajorUnits,
} from './money.js';
export { localize } from './localized-text.js';
export { formatPath, type PathSegment } from './catalog-path.js';
export { catalogSchema, catalogShapeSchema } from './catalog-schema.js';
export {
  issueToProblem,
  validateCatalog,
  type CatalogProblem,
  type CatalogValidation,
} from './validate-catalog.js';
export { effectiveRules, effectiveTiers, tierIndexFor } from './ladder.js';
export { quote, type QuoteOptions } from './quote.js';
export { priceRange, tierTable, type PriceRange, type TierRow } from './display.js';
