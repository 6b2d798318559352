/**
 * Heading ids as GitHub makes them, so `[…](routing.md#the-rule)` links written for GitHub
 * also work on the site: lower case, punctuation dropped, spaces to hyphens, `-1`, `-2` … for
 * repeats within one page.
 */
export class Slugger {
  readonly #seen = new Map<string, number>();

  slug(text: string): string {
    const base = text
      .toLowerCase()
      .trim()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = this.#seen.get(base) ?? 0;
    this.#seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  }
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
