/**
 * Codes the client itself produces, besides the server's own `{ error: { code } }` codes
 * (`invalid_request`, `price_changed`, `not_found`, `rate_limited`, …):
 *
 * - `network_error`: `fetch` failed (offline, DNS, CORS refusal, connection reset) or an attempt
 *   timed out, on every attempt;
 * - `aborted`: the caller's `AbortSignal` fired;
 * - `invalid_response`: the server answered with something that is not the JSON expected.
 */
export type ClientErrorCode = 'network_error' | 'aborted' | 'invalid_response';

/** Options for {@link ChainApiError}. */
export interface ChainApiErrorInit {
  /** HTTP status; `0` when there was no response (network error, abort). */
  status: number;
  /** Machine-readable, snake_case: a server code or a {@link ClientErrorCode}. */
  code: string;
  /** For people; never contains PII (the server guarantees it for its messages). */
  message: string;
  details?: unknown;
  /** Seconds the server asked to wait (`Retry-After`), when it sent one. */
  retryAfter?: number;
  cause?: unknown;
}

/**
 * The one error every `ChainApiClient` method rejects with. Elements branch on `code`
 * (`price_changed` → show the new total, `network_error` → "check your connection", …) and show
 * `message` only as a fallback.
 */
export class ChainApiError extends Error {
  override readonly name = 'ChainApiError';
  /** HTTP status; `0` when there was no response. */
  readonly status: number;
  /** `network_error`, `aborted`, `invalid_response`, or the server's error code. */
  readonly code: string;
  /** The server's `details` (e.g. field issues for `invalid_request`, the fresh quote for `price_changed`). */
  readonly details: unknown;
  /** Seconds from `Retry-After`, when present. */
  readonly retryAfter: number | undefined;

  constructor(init: ChainApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? null;
    this.retryAfter = init.retryAfter;
  }

  /** True for `network_error` and `aborted`: no response came back. */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/** Narrowing helper: `isChainApiError(e, 'price_changed')`. */
export function isChainApiError(error: unknown, code?: string): error is ChainApiError {
  return error instanceof ChainApiError && (code === undefined || error.code === code);
}
