import type { FieldIssue, OrderRequest } from '@chainkit/core';
import { msg, str } from '@lit/localize';

/** The dotted request path of a buyer, ship-to or note field, as `parseWith` reports it. */
export type FieldPath =
  | 'buyer.name'
  | 'buyer.phone'
  | 'buyer.email'
  | 'buyer.company'
  | 'shipTo.country'
  | 'shipTo.region'
  | 'shipTo.city'
  | 'shipTo.line1'
  | 'shipTo.postalCode'
  | 'note';

/** One input of the buyer and ship-to part of the form. */
export interface FieldDef {
  readonly path: FieldPath;
  /** The input's type; absent: `text`. */
  readonly type?: 'tel' | 'email' | 'textarea';
  /** The `autocomplete` token, so browsers fill the field. */
  readonly autocomplete: string;
  readonly required?: boolean;
  readonly maxLength: number;
  /**
   * Whether the trimmed, non-empty value is valid, by the same rules as core's
   * `OrderRequestSchema` (kept out of the browser: valibot alone would cost 2.3 KB brotli);
   * absent: one line of at most `maxLength` characters. An empty value is valid exactly when
   * the field is not `required`.
   */
  valid?(value: string): boolean;
  /** The label, in the current locale. */
  label(): string;
  /** What a valid value looks like, naming the field, in the current locale. */
  invalid(): string;
}

/** Any control character (tab, newline, NUL…); single-line fields reject them. */
const CONTROL = /\p{Cc}/u;
/** valibot's `email()` pattern, which the server applies. */
const EMAIL = /^[\w+-]+(?:\.[\w+-]+)*@[\da-zA-Z]+(?:[.-][\da-zA-Z]+)*\.[a-zA-Z]{2,}$/u;

/** Whether `value` is valid for `field` (see {@link FieldDef.valid}). */
function isValid(field: FieldDef, value: string): boolean {
  return field.valid ? field.valid(value) : value.length <= field.maxLength && !CONTROL.test(value);
}

/** The buyer's fields (name, phone, email?, company?). */
export const BUYER_FIELDS: readonly FieldDef[] = [
  {
    path: 'buyer.name',
    autocomplete: 'name',
    required: true,
    maxLength: 100,
    label: () => msg('Name', { id: 'orderForm.field.name' }),
    invalid: () => msg('Name must be 1–100 characters on one line', { id: 'orderForm.field.name.invalid' }),
  },
  {
    path: 'buyer.phone',
    type: 'tel',
    autocomplete: 'tel',
    required: true,
    maxLength: 30,
    valid: (s) => /^[0-9+\-() ]{5,30}$/.test(s) && s.replace(/\D/g, '').length >= 5,
    label: () => msg('Phone', { id: 'orderForm.field.phone' }),
    invalid: () =>
      msg('Phone must be 5–30 digits, spaces or + - ( ), with at least 5 digits', {
        id: 'orderForm.field.phone.invalid',
      }),
  },
  {
    path: 'buyer.email',
    type: 'email',
    autocomplete: 'email',
    maxLength: 254,
    valid: (s) => s.length <= 254 && EMAIL.test(s),
    label: () => msg('Email (optional)', { id: 'orderForm.field.email' }),
    invalid: () => msg('Email must be a valid email address', { id: 'orderForm.field.email.invalid' }),
  },
  {
    path: 'buyer.company',
    autocomplete: 'organization',
    maxLength: 200,
    label: () => msg('Company (optional)', { id: 'orderForm.field.company' }),
    invalid: () =>
      msg('Company must be at most 200 characters on one line', { id: 'orderForm.field.company.invalid' }),
  },
];

/** Where the goods go (country, region, city, line1, postal code?). */
export const SHIP_TO_FIELDS: readonly FieldDef[] = [
  {
    path: 'shipTo.country',
    autocomplete: 'country',
    required: true,
    maxLength: 2,
    valid: (s) => /^[A-Z]{2}$/.test(s.toUpperCase()),
    label: () => msg('Country code', { id: 'orderForm.field.country' }),
    invalid: () =>
      msg('Country code must be two letters such as CN', { id: 'orderForm.field.country.invalid' }),
  },
  {
    path: 'shipTo.region',
    autocomplete: 'address-level1',
    maxLength: 100,
    label: () => msg('Province or region', { id: 'orderForm.field.region' }),
    invalid: () =>
      msg('Province or region must be at most 100 characters on one line', {
        id: 'orderForm.field.region.invalid',
      }),
  },
  {
    path: 'shipTo.city',
    autocomplete: 'address-level2',
    required: true,
    maxLength: 100,
    label: () => msg('City', { id: 'orderForm.field.city' }),
    invalid: () => msg('City must be 1–100 characters on one line', { id: 'orderForm.field.city.invalid' }),
  },
  {
    path: 'shipTo.line1',
    autocomplete: 'address-line1',
    required: true,
    maxLength: 200,
    label: () => msg('Street address', { id: 'orderForm.field.line1' }),
    invalid: () =>
      msg('Street address must be 1–200 characters on one line', { id: 'orderForm.field.line1.invalid' }),
  },
  {
    path: 'shipTo.postalCode',
    autocomplete: 'postal-code',
    maxLength: 20,
    label: () => msg('Postal code (optional)', { id: 'orderForm.field.postalCode' }),
    invalid: () =>
      msg('Postal code must be at most 20 characters', { id: 'orderForm.field.postalCode.invalid' }),
  },
];

/** The buyer's note to the merchant. */
export const NOTE_FIELD: FieldDef = {
  path: 'note',
  type: 'textarea',
  autocomplete: 'off',
  maxLength: 1000,
  valid: (s) => s.length <= 1000 && !/[^\P{Cc}\t\n\r]/u.test(s),
  label: () => msg('Note (optional)', { id: 'orderForm.field.note' }),
  invalid: () => msg('Note must be at most 1,000 characters', { id: 'orderForm.field.note.invalid' }),
};

export const ALL_FIELDS: readonly FieldDef[] = [...BUYER_FIELDS, ...SHIP_TO_FIELDS, NOTE_FIELD];

const byPath = new Map<string, FieldDef>(ALL_FIELDS.map((field) => [field.path, field]));

/** The field a request path belongs to (`buyer.phone` → phone), if any. */
export function fieldFor(path: string): FieldDef | undefined {
  return byPath.get(path);
}

/** The values typed into the fields, by path. Kept in memory only, never stored. */
export type FieldValues = Partial<Record<FieldPath, string>>;

/**
 * The order request for `values` (valid by {@link fieldIssues}), `lines` and `expectedTotal`,
 * normalized as `OrderRequestSchema` would: strings trimmed, empty optional fields left out, the
 * country code upper-cased (buyers type `cn`).
 */
export function orderRequest(
  values: FieldValues,
  lines: readonly { skuId: string; quantity: number }[],
  expectedTotal: number,
): OrderRequest {
  const get = (path: FieldPath): string => (values[path] ?? '').trim();
  const optional = (path: FieldPath): string | undefined => get(path) || undefined;
  const request: OrderRequest = {
    buyer: {
      name: get('buyer.name'),
      phone: get('buyer.phone'),
      email: optional('buyer.email'),
      company: optional('buyer.company'),
    },
    shipTo: {
      country: get('shipTo.country').toUpperCase(),
      region: get('shipTo.region'),
      city: get('shipTo.city'),
      line1: get('shipTo.line1'),
      postalCode: optional('shipTo.postalCode'),
    },
    lines: lines.map(({ skuId, quantity }) => ({ skuId, quantity })),
    expectedTotal,
    note: optional('note'),
  };
  // Absent, not `undefined`: the request is sent as JSON and kept in drafts as it is.
  return JSON.parse(JSON.stringify(request)) as OrderRequest;
}

/**
 * The issues of the buyer, ship-to and note fields in `values`, like `parseWith(OrderRequestSchema)`
 * reports them (path and a message naming it); `[]` when every field is valid.
 */
export function fieldIssues(values: FieldValues): FieldIssue[] {
  return ALL_FIELDS.filter((field) => {
    const value = (values[field.path] ?? '').trim();
    return value === '' ? field.required === true : !isValid(field, value);
  }).map((field) => ({ path: field.path, message: `${field.path} is invalid` }));
}

/**
 * One message per field from `issues` (`parseWith`'s or the server's `invalid_request` details):
 * "<Field> is required" for an empty required field, else the field's own "<Field> must be …".
 * Issues of paths that are not fields (the lines, the whole request) are returned under their
 * own path with the issue's message.
 */
export function fieldMessages(issues: readonly FieldIssue[], values: FieldValues): Map<string, string> {
  const messages = new Map<string, string>();
  for (const issue of issues) {
    const field = fieldFor(issue.path);
    if (messages.has(issue.path)) continue;
    if (!field) {
      messages.set(issue.path, issue.message);
      continue;
    }
    const empty = (values[field.path] ?? '').trim() === '';
    messages.set(
      field.path,
      empty && field.required
        ? msg(str`${field.label()} is required`, { id: 'orderForm.field.required' })
        : field.invalid(),
    );
  }
  return messages;
}
