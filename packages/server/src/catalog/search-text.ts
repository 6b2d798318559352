import type { LocalizedText } from '@chainkit/core';

/** Folds text for search: NFKC (full-width → ASCII, compatibility forms) then lower case. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Every locale's variant of a title, folded, one a line: what `q` is matched against. */
export function searchTextOf(title: LocalizedText): string {
  const variants = typeof title === 'string' ? [title] : Object.values(title);
  return variants.map(foldForSearch).join('\n');
}
