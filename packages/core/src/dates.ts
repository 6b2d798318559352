/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings, with no time zones and no `Date`:
 * a day is an integer count of days since 1970-01-01 in the proleptic Gregorian calendar
 * (H. Hinnant's `days_from_civil` / `civil_from_days`). Years 0000–9999 only.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The last day a date string can name: 9999-12-31. */
export const MAX_DAY_NUMBER = 2_932_896;
/** The first day a date string can name: 0000-01-01. */
export const MIN_DAY_NUMBER = -719_528;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Parses a strict `YYYY-MM-DD` calendar date into its day number, or `null` when it is not a real date. */
export function parseDay(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/** True when `date` is a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(date: string): boolean {
  return parseDay(date) !== null;
}

/** Formats a day number as `YYYY-MM-DD`; throws a `RangeError` outside 0000-01-01..9999-12-31. */
export function formatDay(dayNumber: number): string {
  if (!Number.isSafeInteger(dayNumber) || dayNumber < MIN_DAY_NUMBER || dayNumber > MAX_DAY_NUMBER) {
    throw new RangeError(`day ${dayNumber} is outside 0000-01-01..9999-12-31`);
  }
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `date` plus `days` calendar days (negative goes back); throws a `RangeError` on a bad date or result. */
export function addDays(date: string, days: number): string {
  const start = parseDay(date);
  if (start === null) throw new RangeError(`"${date}" is not a YYYY-MM-DD calendar date`);
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return formatDay(start + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); throws a `RangeError` on a bad date. */
export function daysBetween(from: string, to: string): number {
  const a = parseDay(from);
  const b = parseDay(to);
  if (a === null) throw new RangeError(`"${from}" is not a YYYY-MM-DD calendar date`);
  if (b === null) throw new RangeError(`"${to}" is not a YYYY-MM-DD calendar date`);
  return b - a;
}
