/**
 * `@chainkit/elements`: element classes and the helpers to build and register them. Importing
 * this module registers nothing; import `@chainkit/elements/define` (or call `define()`) for that.
 */
export { ChainElement, hostStyles, VERSION } from './internal/chain-element.js';
export { define, type DefinableElement } from './internal/define.js';
export {
  createChainEvent,
  type ChainCustomEventMap,
  type ChainEmitOptions,
  type ChainEvent,
  type ChainEventMap,
  type ChainEventName,
} from './internal/events.js';
export {
  canonicalLocale,
  FALLBACK_LOCALE,
  LocaleController,
  nearestLang,
  resolveLocale,
  type LocaleSources,
} from './internal/locale.js';
export { focusRing, token, tokenDefaults, tokenNames, tokens, type ChainToken } from './internal/theme.js';
export { ChainMoney, type MoneyDisplay } from './money/chain-money.js';
