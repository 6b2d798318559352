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
export { countFormat } from './number-format.js';
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
export { addDays, daysBetween, isIsoDate } from './dates.js';
export {
  routeOrder,
  type FactoryOrderReason,
  type LineRoutingReason,
  type RoutableLine,
  type RoutedFactoryOrder,
  type RoutedLine,
  type RoutingInput,
  type RoutingReasonCode,
  type RoutingResult,
  type RoutingShipTo,
  type UnassignedCode,
  type UnassignedLine,
} from './routing.js';
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  generateWebhookSecret,
  newMessageId,
  signWebhook,
  verifyWebhook,
  verifyWebhookOrThrow,
  WEBHOOK_SECRET_PREFIX,
  webhookHeaders,
  WebhookVerificationError,
  type HeadersLike,
  type VerifyWebhookOptions,
  type WebhookBody,
  type WebhookHeaders,
  type WebhookMessage,
  type WebhookVerification,
  type WebhookVerificationCode,
} from './webhooks.js';
export {
  BuyerSchema,
  FactoryRejectSchema,
  FactoryShipSchema,
  LinesSchema,
  MAX_LINES,
  OrderRequestSchema,
  parseWith,
  QuoteLineSchema,
  QuoteRequestSchema,
  ShipToSchema,
  type FieldIssue,
  type ParseResult,
} from './order-schema.js';
export {
  deriveOrderStatus,
  FACTORY_ORDER_STATUSES,
  ORDER_STATUSES,
  transitionFactoryOrder,
  type ApiError,
  type Buyer,
  type FactoryOrderAction,
  type FactoryOrderCreatedEvent,
  type FactoryOrderStatus,
  type FactoryOrderTransition,
  type FactoryOrderView,
  type FactoryRejectRequest,
  type FactoryShipRequest,
  type InvalidRequestError,
  type OfferListResponse,
  type OrderLine,
  type OrderRequest,
  type OrderRequestInput,
  type OrderResponse,
  type OrderStatus,
  type OrderStatusChangedEvent,
  type PriceChangedError,
  type QuoteRequest,
  type QuoteResponse,
  type RoutingPreview,
  type RoutingPreviewRow,
  type Shipment,
  type ShipTo,
  type WebhookEvent,
  type WebhookEventType,
} from './api-types.js';
