/**
 * Request schemas shared by the browser order form and the order server (valibot).
 *
 * Conventions:
 * - Every string is trimmed before it is checked; lengths count UTF-16 code units after trimming.
 * - Single-line fields (names, phone, address lines, carrier…) reject control characters
 *   (tabs, newlines, NUL…); the free-text `note` allows line breaks.
 * - Every text field rejects a lone UTF-16 surrogate: it has no UTF-8 form, so PostgreSQL
 *   would refuse it in `jsonb` (the buyer, the address) or store U+FFFD in its place.
 * - Optional strings treat `""` (after trimming) and `null` as absent, since forms send empty fields.
 * - Unknown keys are dropped.
 * - Schema messages are fragments ("must be …"); `parseWith` prefixes each with the field's
 *   dotted path (`buyer.phone must be …`), which the server returns as 400 `invalid_request` details.
 * - Line quantities only have to be numbers here: whether a quantity is valid (integer, MOQ, step,
 *   cap) is `quote()`'s job, reported as violations.
 */
import * as v from 'valibot';

export const MAX_LINES = 1000;

const CONTROL_CHARS = /\p{Cc}/u;
const CONTROL_CHARS_EXCEPT_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;
/** In a `u` regex a paired surrogate is one astral code point, so this only finds lone ones. */
const LONE_SURROGATE = /\p{Cs}/u;
const WELL_FORMED_MESSAGE = 'must be valid Unicode text (no unpaired surrogate code units)';

/**
 * The message of an object schema: valibot reports a missing required key with the enclosing
 * object's message, so tell the two cases apart.
 */
function objectMessage(what: string) {
  return (issue: v.ObjectIssue): string =>
    issue.expected?.startsWith('"') && issue.received === 'undefined' ? 'is required' : `must be ${what}`;
}

function lengthMessage(min: number, max: number): string {
  return min === 0 ? `must be at most ${max} characters` : `must be ${min}–${max} characters`;
}

/** A required single-line string, trimmed, `min`..`max` long. */
function line(min: number, max: number) {
  const message = lengthMessage(min, max);
  return v.pipe(
    v.string(`must be text of ${min}–${max} characters`),
    v.trim(),
    v.minLength(min, message),
    v.maxLength(max, message),
    v.check((s) => !CONTROL_CHARS.test(s), 'must not contain control characters'),
    v.check((s) => !LONE_SURROGATE.test(s), WELL_FORMED_MESSAGE),
  );
}

/**
 * An optional string: absent, `null` and `""` (after trimming) all become `undefined`;
 * anything else must pass `then`.
 */
function optional<TSchema extends v.GenericSchema<string, string>>(then: TSchema) {
  return v.pipe(
    v.nullish(v.pipe(v.string('must be text'), v.trim())),
    v.transform((s: string | null | undefined) => (s ? s : undefined)),
    v.optional(then),
  );
}

const SkuIdSchema = line(1, 100);

/** One requested line: a SKU id and any number (quote() judges the number). */
export const QuoteLineSchema = v.object(
  {
    skuId: SkuIdSchema,
    quantity: v.number('must be a number'),
  },
  objectMessage('an object with skuId and quantity'),
);

export const LinesSchema = v.pipe(
  v.array(QuoteLineSchema, `must be a list of 1–${MAX_LINES} lines`),
  v.minLength(1, 'must have at least 1 line'),
  v.maxLength(MAX_LINES, `must have at most ${MAX_LINES} lines`),
);

export const QuoteRequestSchema = v.object({ lines: LinesSchema }, objectMessage('an object'));

const PHONE_MESSAGE = 'must be 5–30 characters of digits, spaces, +, -, ( and ), with at least 5 digits';

export const BuyerSchema = v.object(
  {
    name: line(1, 100),
    phone: v.pipe(
      v.string(PHONE_MESSAGE),
      v.trim(),
      v.check((s) => /^[0-9+\-() ]{5,30}$/.test(s) && (s.match(/[0-9]/g)?.length ?? 0) >= 5, PHONE_MESSAGE),
    ),
    email: optional(
      v.pipe(
        v.string(),
        v.maxLength(254, 'must be a valid email address of at most 254 characters'),
        v.email('must be a valid email address'),
      ),
    ),
    company: optional(line(0, 200)),
  },
  objectMessage('an object'),
);

export const ShipToSchema = v.object(
  {
    country: v.pipe(
      v.string('must be an ISO 3166-1 alpha-2 country code such as CN'),
      v.trim(),
      v.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in capitals, such as CN'),
    ),
    /** A region code such as `CN-ZJ` or free text; absent or empty becomes `""`. */
    region: v.optional(line(0, 100), ''),
    city: line(1, 100),
    line1: line(1, 200),
    postalCode: optional(line(0, 20)),
  },
  objectMessage('an object'),
);

const TOTAL_MESSAGE = 'must be a non-negative whole number of minor units';

export const OrderRequestSchema = v.object(
  {
    buyer: BuyerSchema,
    shipTo: ShipToSchema,
    lines: LinesSchema,
    /** The total the buyer saw, integer minor units; the server answers 409 `price_changed` when it differs. */
    expectedTotal: v.pipe(
      v.number(TOTAL_MESSAGE),
      v.safeInteger(TOTAL_MESSAGE),
      v.minValue(0, TOTAL_MESSAGE),
    ),
    note: optional(
      v.pipe(
        v.string(),
        v.maxLength(1000, lengthMessage(0, 1000)),
        v.check((s) => !CONTROL_CHARS_EXCEPT_LINE_BREAKS.test(s), 'must not contain control characters'),
        v.check((s) => !LONE_SURROGATE.test(s), WELL_FORMED_MESSAGE),
      ),
    ),
  },
  objectMessage('an object'),
);

export const FactoryRejectSchema = v.object({ reason: line(1, 500) }, objectMessage('an object'));

export const FactoryShipSchema = v.object(
  { carrier: line(1, 100), trackingNumber: line(1, 100) },
  objectMessage('an object'),
);

export interface FieldIssue {
  /** Dotted path of the field, e.g. `buyer.phone` or `lines.3.quantity`; `""` for the whole request. */
  readonly path: string;
  /** A sentence that names the field, e.g. `buyer.phone must be …`. */
  readonly message: string;
}

export type ParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/** Validates `input` against `schema`, returning the typed value or every issue with its field path. */
export function parseWith<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): ParseResult<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const issue of result.issues) {
    const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
    const message = `${path || 'request'} ${issue.message}`;
    if (seen.has(message)) continue;
    seen.add(message);
    issues.push({ path, message });
  }
  return { ok: false, issues };
}
