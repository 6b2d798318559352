/**
 * A length read from a custom property (`getPropertyValue` gives the raw text), in px: `12px`,
 * `0.75rem` (from the root font size) or `1em` (from `fontSize`, the element's). Anything else —
 * empty, `calc()`, a keyword — gives `fallback`.
 */
export function cssLengthToPx(
  value: string,
  fontSize: number,
  rootFontSize: number,
  fallback: number,
): number {
  const match = /^\s*(\d*\.?\d+)(px|rem|em)?\s*$/.exec(value);
  if (!match) return fallback;
  const number = Number(match[1]);
  if (!Number.isFinite(number)) return fallback;
  if (match[2] === 'rem') return number * rootFontSize;
  if (match[2] === 'em') return number * fontSize;
  return number;
}
