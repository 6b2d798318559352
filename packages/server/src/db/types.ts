/**
 * Value parsing shared by both adapters, so a row looks the same whichever back end read it:
 * `bigint` → JavaScript number (money and counts stay far below 2^53; anything larger is an
 * error, never a silently rounded number), `date` → the `YYYY-MM-DD` string as stored.
 * `timestamptz` stays a `Date` on both.
 */
export const INT8_OID = 20;
export const DATE_OID = 1082;

export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} is outside the safe integer range`);
  return value;
}

export function parseDate(text: string): string {
  return text;
}
