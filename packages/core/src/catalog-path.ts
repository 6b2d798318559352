/**
 * Paths into a catalog document, written the way a merchant reads JSON:
 * `offers[3].pricing.tiers[1].minQuantity`, `offers[0].title["zh-CN"]`.
 */

/** One step of a path: an array index or an object key. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Formats path segments: numbers as `[3]`, identifier keys as `.key`, any other key
 * quoted (`["zh-CN"]`) so the path can be pasted back into JS. The root is `""`.
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
