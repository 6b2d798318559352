/**
 * The OpenAPI 3.1 description of the API, served at `GET /v1/openapi.json`.
 * Hand-written to match the behaviour; `test/api/openapi.test.ts` validates real responses
 * of every endpoint against these schemas (JSON Schema 2020-12), so drift fails a test.
 */
import { FACTORY_ORDER_STATUSES, ORDER_STATUSES } from '@chainkit/core';
import { ERROR_STATUS } from '../http/errors.js';
import { MAX_IDEMPOTENCY_KEY_LENGTH } from '../orders/idempotency.js';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const str: Schema = { type: 'string' };
const int: Schema = { type: 'integer' };
const money: Schema = { type: 'integer', minimum: 0, description: 'Integer minor units of the currency' };
const instant: Schema = { type: 'string', format: 'date-time' };
const day: Schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

function object(
  properties: Record<string, Schema>,
  required: readonly string[] = Object.keys(properties),
): Schema {
  return { type: 'object', properties, required: [...required], additionalProperties: false };
}

/** The core's `Quote`. */
const quoteProperties: Record<string, Schema> = {
  currency: str,
  lines: {
    type: 'array',
    items: object({
      skuId: str,
      offerId: str,
      quantity: int,
      unitPrice: money,
      lineTotal: money,
      tierIndex: int,
      countedQuantity: int,
    }),
  },
  offers: {
    type: 'array',
    items: object({
      offerId: str,
      totalQuantity: { type: 'number' },
      subtotal: money,
      savings: money,
      violations: { type: 'array', items: ref('Violation') },
      nextTier: nullable(
        object({ addQuantity: int, unitPrice: money, skuId: str }, ['addQuantity', 'unitPrice']),
      ),
    }),
  },
  violations: { type: 'array', items: ref('Violation') },
  subtotal: money,
  ok: { type: 'boolean' },
};

const localizedText: Schema = {
  anyOf: [str, { type: 'object', additionalProperties: str }],
  description: 'One string, or a map of BCP 47 locale to text',
};
const tier = object({ minQuantity: int, unitPrice: money });
const rules = object({ moq: int, step: int, max: nullable(int) }, ['moq', 'step']);

/**
 * A sub-order as everyone sees it; the secret key's view adds its routing reason, the factory's
 * its order, ship-to and buyer.
 */
const factoryOrderProperties: Record<string, Schema> = {
  id: { type: 'string', pattern: '^fo_' },
  factoryId: str,
  lines: { type: 'array', items: ref('OrderLine') },
  subtotal: money,
  estimatedShipDate: day,
  status: { enum: [...FACTORY_ORDER_STATUSES] },
  shipment: nullable(object({ carrier: str, trackingNumber: str, shippedAt: instant })),
  rejectionReason: nullable(str),
};

const schemas: Record<string, Schema> = {
  Error: object({
    error: object({
      code: { type: 'string', enum: Object.keys(ERROR_STATUS) },
      message: str,
      details: { description: 'Code-specific; `null` when there is nothing more to say' },
    }),
  }),
  FieldIssue: object({ path: str, message: str }),
  Factory: object({ id: str, name: str, region: str, dailyCapacity: int, leadTimeDays: int }),
  Offer: object(
    {
      id: str,
      title: localizedText,
      category: str,
      unit: str,
      images: { type: 'array', items: str },
      description: localizedText,
      attributeLabels: {
        type: 'object',
        description:
          "Attribute name → how it and its values read for buyers (SKUs' attributes stay the keys)",
        additionalProperties: object(
          { name: localizedText, values: { type: 'object', additionalProperties: localizedText } },
          [],
        ),
      },
      pricing: object({ scope: { enum: ['offer', 'sku'] }, tiers: { type: 'array', items: tier } }),
      rules,
      skus: {
        type: 'array',
        items: object(
          {
            id: str,
            attributes: { type: 'object', additionalProperties: str },
            tiers: { type: 'array', items: tier },
            rules,
          },
          ['id', 'attributes'],
        ),
      },
      sourcing: {
        type: 'array',
        items: object(
          { factoryId: str, priority: { type: 'number' }, skuIds: { type: 'array', items: str } },
          ['factoryId', 'priority'],
        ),
      },
    },
    ['id', 'title', 'category', 'unit', 'pricing', 'rules', 'skus', 'sourcing'],
  ),
  OfferList: object({
    currency: str,
    data: { type: 'array', items: ref('Offer') },
    nextCursor: nullable(str),
  }),
  OfferDetail: object({
    currency: str,
    offer: ref('Offer'),
    factories: { type: 'array', items: ref('Factory') },
  }),
  FactoryList: object({ data: { type: 'array', items: ref('Factory') } }),
  QuoteLineInput: object({ skuId: str, quantity: { type: 'number' } }),
  QuoteRequest: object(
    {
      lines: { type: 'array', items: ref('QuoteLineInput'), minItems: 1, maxItems: 1000 },
      shipTo: object({ country: { type: 'string', pattern: '^[A-Za-z]{2}$' }, region: str }, ['country']),
    },
    ['lines'],
  ),
  RoutingPreview: object({
    rows: {
      type: 'array',
      items: object({
        factoryId: str,
        factoryName: str,
        units: int,
        subtotal: money,
        estimatedShipDate: day,
      }),
    },
    unassignedUnits: int,
  }),
  Violation: {
    type: 'object',
    required: ['code'],
    properties: {
      code: {
        enum: [
          'below_moq',
          'above_max',
          'not_multiple_of_step',
          'unknown_sku',
          'invalid_quantity',
          'currency_mismatch',
        ],
      },
    },
  },
  Quote: object(quoteProperties),
  QuoteWithRouting: object(
    { ...quoteProperties, routing: ref('RoutingPreview') },
    Object.keys(quoteProperties),
  ),
  OrderRequest: object(
    {
      buyer: object({ name: str, phone: str, email: nullable(str), company: nullable(str) }, [
        'name',
        'phone',
      ]),
      shipTo: object(
        {
          country: { type: 'string', pattern: '^[A-Z]{2}$' },
          region: str,
          city: str,
          line1: str,
          postalCode: nullable(str),
        },
        ['country', 'city', 'line1'],
      ),
      lines: { type: 'array', items: ref('QuoteLineInput'), minItems: 1, maxItems: 1000 },
      expectedTotal: {
        ...money,
        description: 'The total the buyer confirmed; differs from the server price → 409',
      },
      note: nullable(str),
    },
    ['buyer', 'shipTo', 'lines', 'expectedTotal'],
  ),
  OrderLine: object({ skuId: str, offerId: str, quantity: int, unitPrice: money, lineTotal: money }),
  FactoryOrder: object(factoryOrderProperties),
  LineRoutingReason: {
    ...object(
      {
        code: str,
        text: str,
        factoryId: str,
        estimatedShipDate: day,
        leadTimeDays: int,
        dailyCapacity: int,
        queuedBefore: int,
        priority: int,
        sameRegion: { type: 'boolean' },
        candidates: int,
        runnerUp: nullable(object({ factoryId: str, estimatedShipDate: day })),
        split: object({
          part: int,
          parts: int,
          lineQuantity: int,
          wholeLineShipDate: nullable(day),
          splitShipDate: day,
        }),
      },
      [
        'code',
        'text',
        'factoryId',
        'estimatedShipDate',
        'leadTimeDays',
        'dailyCapacity',
        'queuedBefore',
        'priority',
        'sameRegion',
        'candidates',
        'runnerUp',
      ],
    ),
    description: 'Why one line (or one part of a split line) went to its factory',
  },
  AdminFactoryOrder: {
    ...object({
      ...factoryOrderProperties,
      routing: nullable(
        object({
          code: { type: 'string', description: "The lines' reason code when they all agree, else `mixed`" },
          text: str,
          lines: { type: 'array', items: ref('LineRoutingReason') },
        }),
      ),
    }),
    description: 'A sub-order with the reason it was routed to its factory, for the secret key only',
  },
  PlacedOrder: object({
    id: { type: 'string', pattern: '^ord_' },
    status: { enum: [...ORDER_STATUSES] },
    currency: str,
    total: money,
    accessToken: {
      type: 'string',
      pattern: '^ot_',
      description:
        'Reads this order with GET /v1/orders/{id}; returned on creation and on idempotent replays within 24 h; afterwards the server keeps only its hash',
    },
    createdAt: instant,
    factoryOrders: { type: 'array', items: ref('FactoryOrder') },
  }),
  Order: object({
    id: str,
    status: { enum: [...ORDER_STATUSES] },
    currency: str,
    total: money,
    createdAt: instant,
    updatedAt: instant,
    factoryOrders: { type: 'array', items: ref('FactoryOrder') },
  }),
  Buyer: object({ name: str, phone: str, email: str, company: str }, ['name', 'phone']),
  ShipTo: object({ country: str, region: str, city: str, line1: str, postalCode: str }, [
    'country',
    'region',
    'city',
    'line1',
  ]),
  AdminOrder: {
    ...object({
      id: str,
      status: { enum: [...ORDER_STATUSES] },
      currency: str,
      total: money,
      createdAt: instant,
      updatedAt: instant,
      factoryOrders: { type: 'array', items: ref('AdminFactoryOrder') },
      buyer: ref('Buyer'),
      shipTo: ref('ShipTo'),
      note: nullable(str),
    }),
    description: 'An order with the buyer details and the routing reasons, for the secret key only',
  },
  AdminOrderList: object({ data: { type: 'array', items: ref('AdminOrder') }, nextCursor: nullable(str) }),
  FactoryOrderItem: object({
    ...factoryOrderProperties,
    orderId: str,
    orderStatus: { enum: [...ORDER_STATUSES] },
    currency: str,
    createdAt: instant,
    updatedAt: instant,
    shipTo: ref('ShipTo'),
    buyer: object({ name: str, phone: str, company: str }, ['name', 'phone']),
    note: nullable(str),
  }),
  FactoryOrderList: object({
    data: { type: 'array', items: ref('FactoryOrderItem') },
    nextCursor: nullable(str),
  }),
  RejectRequest: object({ reason: str }),
  ShipRequest: object({ carrier: str, trackingNumber: str }),
  DeadWebhook: object({
    id: { type: 'string', pattern: '^msg_' },
    destination: { enum: ['factory', 'merchant'] },
    factoryId: nullable(str),
    orderId: nullable(str),
    eventType: str,
    attempts: int,
    lastStatus: nullable(int),
    lastError: nullable(str),
    createdAt: instant,
  }),
  DeadWebhookList: object({ data: { type: 'array', items: ref('DeadWebhook') }, nextCursor: nullable(str) }),
  ReplayResult: object({ id: str, status: { const: 'pending' } }),
};

const json = (schema: Schema): Schema => ({ 'application/json': { schema } });
const ok = (description: string, schema: Schema): Schema => ({ description, content: json(schema) });
const error = (description: string): Schema => ({ description, content: json(ref('Error')) });

/** Errors any authenticated endpoint can return. */
const common = {
  '401': error('Missing, unknown or wrong kind of key, or a secret/factory key sent from a browser'),
  '403': error('Browser origin not allowed for this key'),
  '413': error('Request body over the size limit'),
  '429': {
    description: 'Rate limited; retry after `Retry-After` seconds',
    headers: { 'Retry-After': { schema: int } },
    content: json(ref('Error')),
  },
} as const;

const cursorParams: Schema[] = [
  { name: 'cursor', in: 'query', schema: str, description: 'The `nextCursor` of the previous page' },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
];
const idParam: Schema = { name: 'id', in: 'path', required: true, schema: str };

const transition = (summary: string, body: Schema | null, errors: Record<string, Schema>): Schema => ({
  summary,
  security: [{ factoryKey: [] }],
  parameters: [idParam],
  ...(body ? { requestBody: { required: true, content: json(body) } } : {}),
  responses: {
    '200': ok(
      'The sub-order after the transition (a repeated transition is a no-op)',
      ref('FactoryOrderItem'),
    ),
    ...errors,
    '404': error('Not a sub-order of this factory'),
    '409': error('`invalid_transition`'),
    ...common,
  },
});

export const openApiDocument = {
  openapi: '3.1.0',
  jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
  info: {
    title: 'Chainkit order server',
    version: '1.0.0',
    description:
      'Catalog, quotes, idempotent orders routed to partner factories, and the factory API. ' +
      'All money is integer minor units of the catalog currency. Errors are `{ "error": { "code", "message", "details" } }`.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: {
      publishableKey: {
        type: 'http',
        scheme: 'bearer',
        description: '`pk_…`, bound to allowed browser origins',
      },
      secretKey: { type: 'http', scheme: 'bearer', description: '`sk_…`, server-side only' },
      factoryKey: { type: 'http', scheme: 'bearer', description: "`fk_…`, one factory's own sub-orders" },
      orderToken: { type: 'http', scheme: 'bearer', description: "`ot_…`, the order's access token" },
    },
    schemas,
  },
  paths: {
    '/v1/openapi.json': {
      get: {
        summary: 'This document',
        security: [],
        responses: { '200': { description: 'OpenAPI 3.1 document' } },
      },
    },
    '/v1/offers': {
      get: {
        summary: 'List offers in catalog order',
        security: [{ publishableKey: [] }, { secretKey: [] }],
        parameters: [
          {
            name: 'q',
            in: 'query',
            schema: str,
            description: "Matches any locale's title, case-insensitively",
          },
          { name: 'category', in: 'query', schema: str },
          ...cursorParams,
        ],
        responses: {
          '200': ok('One page of offers', ref('OfferList')),
          '400': error('Bad `limit` or `cursor`'),
          '503': error('No catalog imported yet'),
          ...common,
        },
      },
    },
    '/v1/offers/{id}': {
      get: {
        summary: 'One offer, with the public facts of the factories that make it',
        security: [{ publishableKey: [] }, { secretKey: [] }],
        parameters: [idParam],
        responses: { '200': ok('The offer', ref('OfferDetail')), '404': error('No such offer'), ...common },
      },
    },
    '/v1/factories': {
      get: {
        summary: "The store's factories, public facts only (for routing previews)",
        security: [{ publishableKey: [] }, { secretKey: [] }],
        responses: {
          '200': ok('Every factory in catalog order', ref('FactoryList')),
          '503': error('No catalog imported yet'),
          ...common,
        },
      },
    },
    '/v1/quotes': {
      post: {
        summary: "Price lines with the catalog's ladders and rules (the core's `quote`)",
        security: [{ publishableKey: [] }, { secretKey: [] }],
        requestBody: { required: true, content: json(ref('QuoteRequest')) },
        responses: {
          '200': ok(
            'The quote; `ok: false` with violations when the lines break the rules. With `shipTo`, ' +
              "also `routing`: the factories that would make the lines and their estimated ship dates (the factories' current queues, the store's date)",
            { anyOf: [ref('Quote'), ref('QuoteWithRouting')] },
          ),
          '400': error('`invalid_request` (details: field issues) or `invalid_json`'),
          ...common,
        },
      },
    },
    '/v1/orders': {
      post: {
        summary: 'Place an order (re-priced, routed to factories, one transaction)',
        security: [{ publishableKey: [] }, { secretKey: [] }],
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: true,
            schema: { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
            description:
              'One per checkout attempt, reused on every retry. Replays return the first 201 byte for byte; ' +
              'failures are not recorded, so they are evaluated again.',
          },
        ],
        requestBody: { required: true, content: json(ref('OrderRequest')) },
        responses: {
          '201': {
            description: 'Placed (or replayed: header `Idempotency-Replayed: true`)',
            content: json(ref('PlacedOrder')),
          },
          '400': error('`invalid_request` naming the field, `invalid_json`, or `idempotency_key_invalid`'),
          '409': error(
            '`price_changed` (details: expectedTotal, total, quote; nothing stored) or `idempotency_key_in_flight`',
          ),
          '422': error(
            '`quote_violations` (details: violations, quote), `unroutable` (details: unassigned) or `idempotency_key_reused`',
          ),
          '503': error('No catalog imported yet'),
          ...common,
        },
      },
    },
    '/v1/orders/{id}': {
      get: {
        summary:
          "Read an order with its access token (the buyer) or the secret key (with the buyer's details)",
        security: [{ orderToken: [] }, { secretKey: [] }],
        parameters: [idParam],
        responses: {
          '200': ok('The order', { anyOf: [ref('Order'), ref('AdminOrder')] }),
          '404': error('No such order, or the token is not this order’s'),
          ...common,
        },
      },
    },
    '/v1/factory/orders': {
      get: {
        summary: "The calling factory's sub-orders, newest first",
        security: [{ factoryKey: [] }],
        parameters: [
          { name: 'status', in: 'query', schema: { enum: [...FACTORY_ORDER_STATUSES] } },
          ...cursorParams,
        ],
        responses: {
          '200': ok('One page', ref('FactoryOrderList')),
          '400': error('Bad `status`, `limit` or `cursor`'),
          ...common,
        },
      },
    },
    '/v1/factory/orders/{id}/accept': { post: transition('Accept a placed sub-order', null, {}) },
    '/v1/factory/orders/{id}/reject': {
      post: transition('Reject a placed sub-order', ref('RejectRequest'), {
        '400': error('`invalid_request`'),
      }),
    },
    '/v1/factory/orders/{id}/ship': {
      post: transition('Ship an accepted sub-order', ref('ShipRequest'), {
        '400': error('`invalid_request`'),
      }),
    },
    '/v1/admin/orders': {
      get: {
        summary: 'All orders, newest first',
        security: [{ secretKey: [] }],
        parameters: [{ name: 'status', in: 'query', schema: { enum: [...ORDER_STATUSES] } }, ...cursorParams],
        responses: { '200': ok('One page', ref('AdminOrderList')), '400': error('Bad query'), ...common },
      },
    },
    '/v1/admin/webhooks/dead': {
      get: {
        summary: 'Webhook messages that exhausted their attempts',
        security: [{ secretKey: [] }],
        parameters: cursorParams,
        responses: { '200': ok('One page', ref('DeadWebhookList')), '400': error('Bad query'), ...common },
      },
    },
    '/v1/admin/webhooks/{id}/replay': {
      post: {
        summary: 'Queue a dead (or delivered) message again: attempts 0, due now',
        security: [{ secretKey: [] }],
        parameters: [idParam],
        responses: {
          '200': ok('Queued', ref('ReplayResult')),
          '404': error('No such message'),
          '409': error('`webhook_pending`: still queued'),
          ...common,
        },
      },
    },
  },
} as const;
