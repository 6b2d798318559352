/** Opaque cursors and `limit` parsing shared by the listing endpoints. */
import { ApiError, invalidRequest } from './errors.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

/** `limit` from the query: an integer 1..100, default 20. */
export function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_LIMIT) {
    throw invalidRequest([{ path: 'limit', message: `limit must be a whole number from 1 to ${MAX_LIMIT}` }]);
  }
  return Number(raw);
}

function toBase64Url(text: string): string {
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(text)) return null;
  try {
    return atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    return null;
  }
}

/** Encodes a cursor: an array of primitive values, opaque to clients. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return toBase64Url(JSON.stringify(values));
}

/** PostgreSQL's text form of a `timestamptz` (`2026-11-25 08:30:00.123456+00`). */
const PG_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-](\d{2})(?::(\d{2}))?(?::(\d{2}))?$/;

/** PostgreSQL's `integer`, the type of the positions an `'n'` cursor carries. */
const MAX_PG_INTEGER = 2 ** 31 - 1;

/**
 * Whether `value` is a timestamp PostgreSQL accepts, in the form it prints: the pattern alone
 * lets through a month 13, February 30, year 0 or a +99 h offset, which the database refuses
 * with an error (a 500) instead of the 400 a tampered cursor deserves.
 */
function isPgTimestamp(value: string): boolean {
  const match = PG_TIMESTAMP.exec(value);
  if (!match) return false;
  const [
    year = 0,
    month = 0,
    day = 0,
    hour = 0,
    minute = 0,
    second = 0,
    offsetHour = 0,
    offsetMinute = 0,
    offsetSecond = 0,
  ] = match.slice(1).map((part) => Number(part ?? '0'));
  // Day 0 of the next month is the last day of this one (UTC, so no DST or zone rules).
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHour <= 15 &&
    offsetMinute <= 59 &&
    offsetSecond <= 59
  );
}

type CursorKind = 'n' | 's' | 't';

/**
 * Decodes a cursor made by `encodeCursor` with the given shape (`'n'` a non-negative
 * integer within PostgreSQL's `integer`, `'s'` a string without NUL, `'t'` a PostgreSQL
 * timestamptz text of a real instant); 400 naming `cursor` when it is not one, so a
 * tampered cursor never reaches the database as a value it refuses.
 */
export function decodeCursor<const S extends readonly CursorKind[]>(
  raw: string | undefined,
  shape: S,
): { [K in keyof S]: S[K] extends 'n' ? number : string } | null {
  if (raw === undefined || raw === '') return null;
  const bad = (): ApiError =>
    invalidRequest([{ path: 'cursor', message: 'cursor is not a cursor this API returned' }]);
  const text = fromBase64Url(raw);
  if (text === null) throw bad();
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch {
    throw bad();
  }
  if (!Array.isArray(values) || values.length !== shape.length) throw bad();
  shape.forEach((kind, i) => {
    const value: unknown = values[i];
    const ok =
      kind === 'n'
        ? Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_PG_INTEGER
        : kind === 't'
          ? typeof value === 'string' && isPgTimestamp(value)
          : typeof value === 'string' && !value.includes('\u0000');
    if (!ok) throw bad();
  });
  return values as { [K in keyof S]: S[K] extends 'n' ? number : string };
}

/** A query parameter as a short single-line string, or undefined when absent/empty. */
export function queryText(raw: string | undefined, name: string, max = 200): string | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim();
  if (value === '') return undefined;
  if (value.length > max || /\p{Cc}/u.test(value)) {
    throw invalidRequest([{ path: name, message: `${name} must be at most ${max} characters of text` }]);
  }
  return value;
}
