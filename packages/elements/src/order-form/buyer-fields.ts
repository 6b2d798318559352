import type { FieldIssue, OrderRequest } from '@chainkit/core';
import { msg, str } from '@lit/localize';
import { plainLines } from './quantity-input.js';

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
  /** The `autocomplete` token, so browsers fill the field. */
  readonly autocomplete: string;
  readonly maxLength: number;
  readonly required: boolean;
  /** The label, in the current locale. */
  label(): string;
  /** What a valid value looks like, naming the field, in the current locale. */
  invalid(): string;
  /**
   * Whether a trimmed, non-empty value of at most `maxLength` characters is valid, by the same
   * rules as core's `OrderRequestSchema` (kept out of the browser: valibot alone would cost
   * 2.3 KB brotli); absent: one line (no control character).
   */
  readonly valid?: (value: string) => boolean;
  /** The input's type; absent: `text`. */
  readonly type?: 'tel' | 'email' | 'textarea';
}

const field = (
  path: FieldPath,
  autocomplete: string,
  maxLength: number,
  required: boolean,
  label: () => string,
  invalid: () => string,
  valid?: (value: string) => boolean,
  type?: FieldDef['type'],
): FieldDef => ({ path, autocomplete, maxLength, required, label, invalid, valid, type });

/** The buyer's fields, the ship-to fields, then the note, in the order the form shows them. */
export const FIELDS: readonly FieldDef[] = [
  field(
    'buyer.name',
    'name',
    100,
    true,
    () => msg('Name', { id: 'orderForm.field.name' }),
    () => msg('Name must be 1–100 characters on one line', { id: 'orderForm.field.name.invalid' }),
  ),
  field(
    'buyer.phone',
    'tel',
    30,
    true,
    () => msg('Phone', { id: 'orderForm.field.phone' }),
    () =>
      msg('Phone must be 5–30 digits, spaces or + - ( ), with at least 5 digits', {
        id: 'orderForm.field.phone.invalid',
      }),
    (s) => /^(?=(?:\D*\d){5})[\d+\-() ]+$/.test(s),
    'tel',
  ),
  field(
    'buyer.email',
    'email',
    254,
    false,
    () => msg('Email (optional)', { id: 'orderForm.field.email' }),
    () => msg('Email must be a valid email address', { id: 'orderForm.field.email.invalid' }),
    // valibot's `email()` pattern, which the server applies.
    (s) => /^[\w+-]+(?:\.[\w+-]+)*@[\da-zA-Z]+(?:[.-][\da-zA-Z]+)*\.[a-zA-Z]{2,}$/u.test(s),
    'email',
  ),
  field(
    'buyer.company',
    'organization',
    200,
    false,
    () => msg('Company (optional)', { id: 'orderForm.field.company' }),
    () =>
      msg('Company must be at most 200 characters on one line', { id: 'orderForm.field.company.invalid' }),
  ),
  field(
    'shipTo.country',
    'country',
    2,
    true,
    () => msg('Country code', { id: 'orderForm.field.country' }),
    () => msg('Country code must be two letters such as CN', { id: 'orderForm.field.country.invalid' }),
    (s) => /^[A-Z]{2}$/.test(s.toUpperCase()),
  ),
  field(
    'shipTo.region',
    'address-level1',
    100,
    false,
    () => msg('Province or region', { id: 'orderForm.field.region' }),
    () =>
      msg('Province or region must be at most 100 characters on one line', {
        id: 'orderForm.field.region.invalid',
      }),
  ),
  field(
    'shipTo.city',
    'address-level2',
    100,
    true,
    () => msg('City', { id: 'orderForm.field.city' }),
    () => msg('City must be 1–100 characters on one line', { id: 'orderForm.field.city.invalid' }),
  ),
  field(
    'shipTo.line1',
    'address-line1',
    200,
    true,
    () => msg('Street address', { id: 'orderForm.field.line1' }),
    () => msg('Street address must be 1–200 characters on one line', { id: 'orderForm.field.line1.invalid' }),
  ),
  field(
    'shipTo.postalCode',
    'postal-code',
    20,
    false,
    () => msg('Postal code (optional)', { id: 'orderForm.field.postalCode' }),
    () => msg('Postal code must be at most 20 characters', { id: 'orderForm.field.postalCode.invalid' }),
  ),
  field(
    'note',
    'off',
    1000,
    false,
    () => msg('Note (optional)', { id: 'orderForm.field.note' }),
    () => msg('Note must be at most 1,000 characters', { id: 'orderForm.field.note.invalid' }),
    // Line breaks and tabs are fine in the note; other control characters are not.
    (s) => !/[^\P{Cc}\t\n\r]/u.test(s),
    'textarea',
  ),
];

/** The field a request path belongs to (`buyer.phone` → phone), if any. */
export const fieldFor = (path: string): FieldDef | undefined => FIELDS.find((f) => f.path === path);

/** The values typed into the fields, by path. Kept in memory only, never stored. */
export type FieldValues = Partial<Record<FieldPath, string>>;

/**
 * The order request for `values` (valid by {@link fieldIssues}), `lines` and `expectedTotal`,
 * normalized as `OrderRequestSchema` would: strings trimmed, empty optional fields left out (but
 * the region, `""` when empty), the country code upper-cased (buyers type `cn`).
 */
export function orderRequest(
  values: FieldValues,
  lines: readonly { skuId: string; quantity: number }[],
  expectedTotal: number,
): OrderRequest {
  const buyer: Record<string, string> = {};
  const shipTo: Record<string, string> = {};
  const request: Record<string, unknown> = {
    buyer,
    shipTo,
    lines: plainLines(lines),
    expectedTotal,
  };
  for (const { path, required } of FIELDS) {
    const value = (values[path] ?? '').trim();
    const [group, name] = path.split('.') as [string, string?];
    if (value || required || name === 'region')
      (name ? (group === 'buyer' ? buyer : shipTo) : request)[name ?? group] =
        name === 'country' ? value.toUpperCase() : value;
  }
  return request as unknown as OrderRequest;
}

/**
 * The buyer, ship-to and note fields whose value in `values` `parseWith(OrderRequestSchema)`
 * would report (each names its `path`, as the schema's issues do); `[]` when every field is valid.
 */
export function fieldIssues(values: FieldValues): FieldDef[] {
  return FIELDS.filter(({ path, required, maxLength, valid }) => {
    const value = (values[path] ?? '').trim();
    return value ? value.length > maxLength || !(valid ? valid(value) : !/\p{Cc}/u.test(value)) : required;
  });
}

/**
 * One message per buyer field from `issues` (`parseWith`'s or the server's `invalid_request`
 * details): "<Field> is required" for an empty required field, else the field's own
 * "<Field> must be …". Issues of paths that are not fields (the lines, the whole request) are
 * left out.
 */
export function fieldMessages(
  issues: readonly Pick<FieldIssue, 'path'>[],
  values: FieldValues,
): Map<string, string> {
  const messages = new Map<string, string>();
  for (const { path } of issues) {
    const field = fieldFor(path);
    if (field && !messages.has(path))
      messages.set(
        path,
        field.required && !values[field.path]?.trim()
          ? msg(str`${field.label()} is required`, { id: 'orderForm.field.required' })
          : field.invalid(),
      );
  }
  return messages;
}
