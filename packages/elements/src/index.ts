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
export { createApiClient, type ApiClientOptions, type CachingApiClient } from './internal/api-client.js';
export type {
  ApiCallOptions,
  ChainApiClient,
  OfferQuery,
  QuoteOptions,
} from './internal/api-client-types.js';
export type { RoutingPreview, RoutingPreviewRow } from '@chainkit/core';
export {
  ChainApiError,
  isChainApiError,
  type ChainApiErrorInit,
  type ClientErrorCode,
} from './internal/api-error.js';
export type { RetryOptions } from './internal/retry.js';
export { StoreController, type StoreHost } from './internal/api-controller.js';
export { storeContext, type StoreContextValue } from './internal/store-context.js';
export {
  getChainLocale,
  setChainLocale,
  textLocaleFor,
  type ChainTextLocale,
} from './internal/localization.js';
export { ChainStore } from './store/chain-store.js';
export {
  PlacementController,
  type Placement,
  type PlacementOptions,
} from './internal/placement-controller.js';
export { looksLikeHtml, safeHtml, sanitizeHtml } from './internal/sanitize.js';
export {
  ChainOrderStatus,
  type OrderStatusChangeDetail,
  type OrderStatusErrorDetail,
} from './order-status/chain-order-status.js';
export { ChainCatalog, type CatalogLayout, type OfferSelectDetail } from './catalog/chain-catalog.js';
export type { CatalogCategory, CategoryInput } from './catalog/categories.js';
export { ladderSummary, type LadderSummaryFormat } from './catalog/ladder-summary.js';
export { ChainLadderPrice, type QuantityChangeDetail } from './ladder-price/chain-ladder-price.js';
export {
  canStepDown,
  canStepUp,
  quantityBounds,
  snapQuantity,
  stepDown,
  stepUp,
  type QuantityBounds,
} from './ladder-price/quantity-steps.js';
export { ChainOrderForm, type OrderFormLine } from './order-form/chain-order-form.js';
export {
  buildMatrix,
  type CellPosition,
  type MatrixModel,
  type MatrixRow,
} from './order-form/matrix-axes.js';
export { ChainCart } from './cart/chain-cart.js';
export { CartStore, cartStore, DEFAULT_CART_KEY, type CartLine } from './cart/cart-store.js';
