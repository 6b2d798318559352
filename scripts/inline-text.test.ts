/**
 * The CDN build's Chinese text writer (packages/elements/scripts/inline-text.mjs): it puts each
 * message's Chinese where the English was, keeps a `str` template's expressions and every line,
 * refuses what it cannot write faithfully, and builds the English module a Chinese page loads
 * when it switches language.
 */
import { describe, expect, it } from 'vitest';
import {
  englishModule,
  englishTexts,
  inlineTexts,
  translations,
  type Text,
} from '../packages/elements/scripts/inline-text.mjs';
import { messageIds } from '../packages/elements/scripts/short-message-ids.mjs';

const zh = new Map<string, Text>([
  ['cart.title', '进货单'],
  ['cart.offer.count', { strings: ['共 ', ' 件'], order: [0] }],
  ['cart.offer.nudge', { strings: ['再加 ', ' 件，单价降至 ', ''], order: [0, 1] }],
]);

describe('inlineTexts', () => {
  it('writes the Chinese in place of the English, keeping ids, expressions and lines', () => {
    const source = [
      "const a = msg('Cart', { id: 'cart.title' });",
      'const b = msg(str`${count} pcs`, { id: "cart.offer.count" });',
      'const c = msg(',
      '  str`Add ${format(more, { unit: `pcs` })} more to pay',
      '    ${price}`,',
      "  { id: 'cart.offer.nudge', desc: 'nudge' },",
      ');',
    ].join('\n');
    const out = inlineTexts(source, 'x.ts', zh);
    expect(out).toContain(`const a = msg("进货单", { id: 'cart.title' });`);
    expect(out).toContain('const b = msg(str`共 ${count} 件`, { id: "cart.offer.count" });');
    expect(out).toContain('str`再加 ${format(more, { unit: `pcs` })} 件，单价降至 ${price}`');
    expect(out).toContain("{ id: 'cart.offer.nudge', desc: 'nudge' }");
    expect(out.split('\n')).toHaveLength(source.split('\n').length);
    expect(out).not.toMatch(/'Cart'|} pcs|more to pay/);
  });

  it('escapes what a template literal would read as syntax', () => {
    const texts = new Map<string, Text>([['cart.offer.count', { strings: ['`${', '\\'], order: [0] }]]);
    const out = inlineTexts("msg(str`${n} pcs`, { id: 'cart.offer.count' })", 'x.ts', texts);
    expect(out).toBe("msg(str`\\`\\${${n}\\\\`, { id: 'cart.offer.count' })");
  });

  it('refuses a message without a text, and a text that reorders or drops values', () => {
    expect(() => inlineTexts("msg('Close', { id: 'cart.close' })", 'x.ts', zh)).toThrow(
      /cart\.close has no text/,
    );
    const swapped = new Map<string, Text>([['cart.offer.nudge', { strings: ['', ' ', ''], order: [1, 0] }]]);
    expect(() => inlineTexts("msg(str`${a} ${b}`, { id: 'cart.offer.nudge' })", 'x.ts', swapped)).toThrow(
      /does not use its 2 values once each, in order/,
    );
    expect(() => inlineTexts("msg(str`${a} pcs`, { id: 'cart.title' })", 'x.ts', zh)).toThrow(/cart\.title/);
  });

  it('leaves code without msg() calls, and msg() calls without an id, alone', () => {
    const source = "const s = 'Cart'; log(msg); other('Cart', { id: 'cart.title' }); msg('Cart');";
    expect(inlineTexts(source, 'x.ts', zh)).toBe(source);
  });
});

describe('the elements’ messages', () => {
  const english = englishTexts();
  const chinese = translations('zh-CN');

  it('every message has a Chinese text using its values once each, in order', () => {
    expect(english.size).toBeGreaterThan(150);
    for (const [id, text] of english) {
      const translated = chinese.get(id);
      expect(translated, id).toBeDefined();
      const values = typeof text === 'string' ? 0 : text.order.length;
      expect(typeof translated === 'string' ? [] : translated?.order, id).toEqual(
        Array.from({ length: values }, (_, i) => i),
      );
    }
  });

  it('the English module gives back the source text under the short ids', async () => {
    const ids = messageIds();
    const code = englishModule(english, ids);
    const { templates } = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
      templates: Record<string, string | { strTag: true; strings: string[]; values: number[] }>;
    };
    expect(Object.keys(templates)).toHaveLength(english.size);
    expect(templates[ids.get('cart.title') as string]).toBe('Cart');
    // A `str` message: the English strings, each value shown where the source shows it.
    const entry = templates[ids.get('cart.offer.nudge') as string];
    expect(entry).toEqual({ strTag: true, strings: ['Add ', ' more to pay ', ' each'], values: [0, 1] });
  });
});
