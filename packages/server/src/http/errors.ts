/**
 * Every error the API returns has one shape, `{ error: { code, message, details } }`, and a
 * status that matches the code. Handlers throw an `ApiError`; `app.onError` renders it.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error code the API can return, with its HTTP status. */
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_json: 400,
  idempotency_key_invalid: 400,
  unauthorized: 401,
  secret_key_in_browser: 401,
  origin_not_allowed: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  price_changed: 409,
  idempotency_key_in_flight: 409,
  invalid_transition: 409,
  webhook_pending: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  quote_violations: 422,
  unroutable: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
  catalog_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly details: unknown };
}

/** A field-level problem, `path` dotted from the body's root (`buyer.phone`, `lines.0.quantity`). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  readonly details: unknown;
  /** Extra response headers (e.g. `Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: ErrorCode,
    message: string,
    details: unknown = null,
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
    this.headers = headers;
  }
}

export function errorBody(code: ErrorCode, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}

/**
 * 400 `invalid_request`: the message is the first issue's sentence (it names the field, e.g.
 * `buyer.phone must be …`); `details` lists every issue with its dotted path.
 */
export function invalidRequest(issues: readonly FieldIssue[]): ApiError {
  const first = issues[0];
  const message = first
    ? first.message +
      (issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '')
    : 'Invalid request';
  return new ApiError('invalid_request', message, issues);
}

/** Renders an `ApiError` as a JSON response. */
export function renderError(c: Context, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(errorBody(error.code, error.message, error.details), error.status);
}
