import { describe, expect, it } from 'vitest';
import { localize } from '../src/index.js';

const title = { 'zh-CN': '加厚军大衣', en: 'Padded army coat', 'ja-JP': '厚手のミリタリーコート' };

describe('localize', () => {
  it.each([
    ['zh-CN', '加厚军大衣'],
    ['zh-cn', '加厚军大衣'],
    ['zh_CN', '加厚军大衣'],
    ['zh', '加厚军大衣'],
    ['zh-TW', '加厚军大衣'],
    ['zh-Hans-CN', '加厚军大衣'],
    ['en-GB', 'Padded army coat'],
    ['ja', '厚手のミリタリーコート'],
    ['fr-FR', 'Padded army coat'],
  ])('%s → %s', (locale, expected) => {
    expect(localize(title, locale)).toBe(expected);
  });

  it('prefers the exact tag over a language-only key', () => {
    expect(localize({ zh: '简', 'zh-TW': '繁' }, 'zh-TW')).toBe('繁');
    expect(localize({ 'zh-TW': '繁', zh: '简' }, 'zh-CN')).toBe('简');
  });

  it('tries the given fallbacks before the first value', () => {
    expect(localize({ de: 'Mantel', fr: 'Manteau' }, 'es', ['fr'])).toBe('Manteau');
    expect(localize({ de: 'Mantel', fr: 'Manteau' }, 'es')).toBe('Mantel');
  });

  it('returns plain strings as they are and "" for an empty map', () => {
    expect(localize('Socks', 'zh-CN')).toBe('Socks');
    expect(localize({}, 'zh-CN')).toBe('');
  });
});
