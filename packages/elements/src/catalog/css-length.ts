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
  const match = /^\s*(\d*\.?\d+)(r?em|px)?\s*$/.exec(value);
  return match
    ? Number(match[1]) * (match[2] === 'rem' ? rootFontSize : match[2] === 'em' ? fontSize : 1)
    : fallback;
}
