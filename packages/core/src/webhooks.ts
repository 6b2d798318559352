/**
 * Standard Webhooks 1.0 signing and verification
 * (github.com/standard-webhooks/standard-webhooks, `spec/standard-webhooks.md`).
 *
 * - A secret is `whsec_` + base64 of the key bytes (24 random bytes from `generateWebhookSecret`).
 * - The signed content is `${webhook-id}.${webhook-timestamp}.${body}` (body as raw bytes), signed with
 *   HMAC-SHA256; the signature header is `v1,<base64>`, several space-separated during secret rotation.
 * - The receiver rejects timestamps more than `toleranceSeconds` (default 300) away from its clock,
 *   in either direction, and compares signatures in constant time.
 *
 * `verifyWebhook` returns a result object (never throws on a bad message; it throws only on
 * programming errors such as a negative tolerance); `verifyWebhookOrThrow` is the throwing
 * variant, raising a `WebhookVerificationError` with the same `code`.
 *
 * Uses WebCrypto (`globalThis.crypto`) and `TextEncoder` only, so it runs in browsers, Node ≥ 20 and workers.
 */
import { decodeBase64, encodeBase64 } from './base64.js';

// The core compiles without DOM types, so declare the small part of WebCrypto used here.
interface HmacCryptoKey {
  readonly type: string;
}
interface SubtleCryptoSubset {
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: { name: 'HMAC'; hash: 'SHA-256' },
    extractable: boolean,
    keyUsages: readonly 'sign'[],
  ): Promise<HmacCryptoKey>;
  sign(algorithm: 'HMAC', key: HmacCryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
}
interface CryptoSubset {
  readonly subtle: SubtleCryptoSubset;
  getRandomValues<T extends Uint8Array>(array: T): T;
}
interface TextEncoderSubset {
  encode(input: string): Uint8Array;
}

function webCrypto(): CryptoSubset {
  const c = (globalThis as { crypto?: CryptoSubset }).crypto;
  if (!c?.subtle || typeof c.getRandomValues !== 'function') {
    throw new Error('WebCrypto (globalThis.crypto.subtle) is not available in this runtime');
  }
  return c;
}

function utf8(text: string): Uint8Array {
  const TE = (globalThis as unknown as { TextEncoder: new () => TextEncoderSubset }).TextEncoder;
  return new TE().encode(text);
}

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

/** A message body: the exact string or bytes that travel in the HTTP request. */
export type WebhookBody = string | Uint8Array;

export interface WebhookMessage {
  /** The message id (`webhook-id`), e.g. from `newMessageId()`; the same on every retry. */
  readonly id: string;
  /** Unix time in whole seconds (`webhook-timestamp`). */
  readonly timestamp: number;
  readonly body: WebhookBody;
}

/** A type alias (not an interface) so it fits `Record<string, string>` and `HeadersInit`. */
export type WebhookHeaders = {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
};

/** A `Headers` object (any case, by `get`) or a plain object whose keys may be in any case. */
export type HeadersLike =
  { get(name: string): string | null } | Readonly<Record<string, string | readonly string[] | undefined>>;

export type WebhookVerificationCode =
  | 'missing_header'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'invalid_signature'
  | 'invalid_secret';

export type WebhookVerification =
  | { readonly ok: true; readonly id: string; readonly timestamp: number }
  | { readonly ok: false; readonly code: WebhookVerificationCode; readonly message: string };

export interface VerifyWebhookOptions {
  /** Largest accepted distance between `webhook-timestamp` and `now`, both ways; default 300. */
  readonly toleranceSeconds?: number;
  /** The receiver's clock; default `new Date()`. */
  readonly now?: Date;
}

export class WebhookVerificationError extends Error {
  readonly code: WebhookVerificationCode;
  constructor(code: WebhookVerificationCode, message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
    this.code = code;
  }
}

/** The key bytes of a `whsec_<base64>` secret, or `null` when it is not one. */
function secretKey(secret: string): Uint8Array | null {
  if (typeof secret !== 'string' || !secret.startsWith(WEBHOOK_SECRET_PREFIX)) return null;
  const key = decodeBase64(secret.slice(WEBHOOK_SECRET_PREFIX.length));
  return key && key.length > 0 ? key : null;
}

function checkMessage(message: WebhookMessage): void {
  if (typeof message.id !== 'string' || message.id.length === 0 || /[\s\p{Cc}]/u.test(message.id)) {
    throw new TypeError('webhook id must be a non-empty string without spaces or control characters');
  }
  if (!Number.isSafeInteger(message.timestamp) || message.timestamp < 0) {
    throw new RangeError(`webhook timestamp must be whole Unix seconds, got ${message.timestamp}`);
  }
}

async function hmac(
  key: Uint8Array,
  id: string,
  timestamp: number | string,
  body: WebhookBody,
): Promise<Uint8Array> {
  const prefix = utf8(`${id}.${timestamp}.`);
  const payload = typeof body === 'string' ? utf8(body) : body;
  const content = new Uint8Array(prefix.length + payload.length);
  content.set(prefix, 0);
  content.set(payload, prefix.length);
  const subtle = webCrypto().subtle;
  const cryptoKey = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, content));
}

/** Equal-length byte arrays compared without an early exit. */
function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Signs a message: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`.
 * Throws a `TypeError` for a secret that is not `whsec_<base64>` or a bad id, a `RangeError` for a bad timestamp.
 */
export async function signWebhook(secret: string, message: WebhookMessage): Promise<string> {
  const key = secretKey(secret);
  if (!key) throw new TypeError('webhook secret must be "whsec_" followed by base64');
  checkMessage(message);
  return `v1,${encodeBase64(await hmac(key, message.id, message.timestamp, message.body))}`;
}

/**
 * The three Standard Webhooks headers for a message. Pass several secrets while rotating one:
 * the signature header then carries one space-separated signature per secret.
 */
export async function webhookHeaders(
  secret: string | readonly string[],
  id: string,
  timestamp: number,
  body: WebhookBody,
): Promise<WebhookHeaders> {
  const secrets = typeof secret === 'string' ? [secret] : secret;
  if (secrets.length === 0) throw new TypeError('at least one webhook secret is needed');
  const signatures: string[] = [];
  for (const s of secrets) signatures.push(await signWebhook(s, { id, timestamp, body }));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatures.join(' '),
  };
}

/** All values of a header, any case; `Headers` objects already combine duplicates. */
function readHeader(headers: HeadersLike, name: string): string | undefined {
  const maybe = headers as { get?: unknown };
  if (typeof maybe.get === 'function') {
    const v = (headers as { get(name: string): string | null }).get(name);
    return v === null ? undefined : v;
  }
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers as Readonly<Record<string, unknown>>)) {
    if (key.toLowerCase() !== name) continue;
    if (typeof value === 'string') values.push(value);
    else if (Array.isArray(value)) values.push(...value.filter((v): v is string => typeof v === 'string'));
  }
  return values.length === 0 ? undefined : values.join(' ');
}

function fail(code: WebhookVerificationCode, message: string): WebhookVerification {
  return { ok: false, code, message };
}

/**
 * Verifies a received webhook against the raw body exactly as received. Never throws for a bad
 * message: the result says why it was rejected. Checks, in order: the secret, the three headers,
 * the timestamp (`invalid_timestamp` when it is not whole seconds, then ±`toleranceSeconds`),
 * then every `v1,` signature in `webhook-signature` (others, e.g. `v1a,`, are ignored).
 * Throws a `RangeError` only for a negative or non-finite `toleranceSeconds` or an invalid `now`.
 */
export async function verifyWebhook(
  secret: string,
  headers: HeadersLike,
  body: WebhookBody,
  options: VerifyWebhookOptions = {},
): Promise<WebhookVerification> {
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new RangeError(`toleranceSeconds must be a non-negative number, got ${tolerance}`);
  }
  const nowMs = (options.now ?? new Date()).getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid Date');

  const key = secretKey(secret);
  if (!key) return fail('invalid_secret', 'the webhook secret must be "whsec_" followed by base64');

  const id = readHeader(headers, 'webhook-id')?.trim();
  const rawTimestamp = readHeader(headers, 'webhook-timestamp')?.trim();
  const signatureHeader = readHeader(headers, 'webhook-signature')?.trim();
  const missing = [
    ['webhook-id', id],
    ['webhook-timestamp', rawTimestamp],
    ['webhook-signature', signatureHeader],
  ]
    .filter(([, v]) => !v)
    .map(([name]) => name);
  if (missing.length > 0 || !id || !rawTimestamp || !signatureHeader) {
    return fail('missing_header', `missing webhook header(s): ${missing.join(', ')}`);
  }

  if (!/^\d{1,15}$/.test(rawTimestamp)) {
    return fail('invalid_timestamp', 'webhook-timestamp must be whole Unix seconds');
  }
  const timestamp = Number(rawTimestamp);
  const nowSeconds = Math.floor(nowMs / 1000);
  if (timestamp < nowSeconds - tolerance) {
    return fail('timestamp_too_old', `webhook-timestamp is more than ${tolerance} s in the past`);
  }
  if (timestamp > nowSeconds + tolerance) {
    return fail('timestamp_too_new', `webhook-timestamp is more than ${tolerance} s in the future`);
  }

  const expected = await hmac(key, id, rawTimestamp, body);
  let matched = false;
  // Split on whitespace; a trailing comma comes from proxies that join repeated headers with ", ".
  for (const token of signatureHeader.split(/\s+/)) {
    const entry = token.endsWith(',') ? token.slice(0, -1) : token;
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    const candidate = decodeBase64(entry.slice(comma + 1));
    if (candidate && timingSafeEqual(candidate, expected)) matched = true;
  }
  if (!matched) return fail('invalid_signature', 'no webhook-signature matches the message');
  return { ok: true, id, timestamp };
}

/** `verifyWebhook` that throws a `WebhookVerificationError` instead of returning a failure. */
export async function verifyWebhookOrThrow(
  secret: string,
  headers: HeadersLike,
  body: WebhookBody,
  options: VerifyWebhookOptions = {},
): Promise<{ readonly id: string; readonly timestamp: number }> {
  const result = await verifyWebhook(secret, headers, body, options);
  if (!result.ok) throw new WebhookVerificationError(result.code, result.message);
  return { id: result.id, timestamp: result.timestamp };
}

/** A new secret: `whsec_` + base64 of 24 random bytes. */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + encodeBase64(webCrypto().getRandomValues(new Uint8Array(24)));
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A new message id: `msg_` + 24 random base62 characters (about 143 bits, no modulo bias). */
export function newMessageId(): string {
  const crypto = webCrypto();
  let out = 'msg_';
  while (out.length < 28) {
    for (const byte of crypto.getRandomValues(new Uint8Array(32))) {
      // 248 = 4 × 62: bytes above it would make the first characters more likely.
      if (byte < 248 && out.length < 28) out += BASE62[byte % 62];
    }
  }
  return out;
}
