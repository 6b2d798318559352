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
