/**
 * Picking one string out of a {@link LocalizedText} for the reader's locale.
 */
import type { LocalizedText } from './catalog.js';

/**
 * Tags to try for `tag`, most specific first: `zh-Hant-TW` → `zh-Hant-TW`, `zh-Hant`, `zh`.
 * Lower-cased because BCP 47 tags compare case-insensitively (`zh-cn` is `zh-CN`).
 */
function truncations(tag: string): string[] {
  const parts = tag.toLowerCase().split(/[-_]/);
  const out: string[] = [];
  for (let n = parts.length; n > 0; n -= 1) out.push(parts.slice(0, n).join('-'));
  return out;
}

/**
 * The text for `locale`: the exact tag, then ever shorter prefixes of it (`zh-CN` → `zh`),
 * then any other variant of the same language (`zh-TW` asked, only `zh-CN` given: a Chinese
 * reader is better served by it than by English), then each of `fallbacks` the same way
 * (default `["en"]`), then the first value in the map. A plain string is returned as is;
 * an empty map gives `""`.
 * Keys compare case-insensitively and `_` is read as `-`, as merchants write both.
 *
 * @example localize({ 'zh-CN': '加厚军大衣', en: 'Padded army coat' }, 'zh-TW') // '加厚军大衣'
 */
export function localize(text: LocalizedText, locale: string, fallbacks: readonly string[] = ['en']): string {
  if (typeof text === 'string') return text;
  const entries = Object.entries(text);
  if (entries.length === 0) return '';
  const byTag = new Map<string, string>();
  for (const [key, value] of entries) {
    const tag = key.toLowerCase().replace(/_/g, '-');
    if (!byTag.has(tag)) byTag.set(tag, value);
  }
  for (const wanted of [locale, ...fallbacks]) {
    const tags = truncations(wanted);
    for (const tag of tags) {
      const hit = byTag.get(tag);
      if (hit !== undefined) return hit;
    }
    const language = tags[tags.length - 1];
    for (const [tag, value] of byTag) {
      if (tag.split('-')[0] === language) return value;
    }
  }
  return entries[0]?.[1] ?? '';
}
