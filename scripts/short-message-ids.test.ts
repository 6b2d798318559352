/**
 * The CDN build's message-id shortener (packages/elements/scripts/short-message-ids.mjs): every
 * id becomes its short form, `msg()` options that hold only the id become the id itself, other
 * options keep their object, translation keys follow, and an id it cannot rewrite fails the build.
 */
import { describe, expect, it } from 'vitest';
import { messageIds, shortenMessageIds } from '../packages/elements/scripts/short-message-ids.mjs';

const ids = new Map([
  ['cart.title', '_1'],
  ['cart.offer.nudge', '_2'],
]);

describe('short message ids (CDN build)', () => {
  it('passes the short id alone when the options hold only the id', () => {
    const code = [
      "msg('Cart', { id: 'cart.title' });",
      'msg(str`Add ${n}`, {',
      '  id: "cart.offer.nudge",',
      '});',
    ].join('\n');
    const out = shortenMessageIds(code, { translations: false, ids });
    expect(out).toBe(["msg('Cart', '_1');", 'msg(str`Add ${n}`, "_2"', '', ');'].join('\n'));
    expect(out.split('\n')).toHaveLength(code.split('\n').length);
  });

  it('keeps an options object with more than the id, shortening its id', () => {
    const out = shortenMessageIds("msg('Cart', { id: 'cart.title', desc: 'heading' });", {
      translations: false,
      ids,
    });
    expect(out).toBe("msg('Cart', { id: '_1', desc: 'heading' });");
  });

  it('shortens translation keys, and fails on an id no msg() call uses or a form it misses', () => {
    const map = "export const templates = {\n  'cart.title': '进货单',\n};";
    expect(shortenMessageIds(map, { translations: true, ids })).toContain("'_1': '进货单'");
    expect(() => shortenMessageIds("{\n  'cart.gone': 'x',\n}", { translations: true, ids })).toThrow(
      /cart\.gone/,
    );
    expect(() => shortenMessageIds("const id = 'cart.title';", { translations: false, ids })).toThrow(
      /cart\.title/,
    );
  });

  it("numbers the elements' ids in sorted order, each once", () => {
    const all = messageIds();
    expect(all.size).toBeGreaterThan(100);
    expect(new Set(all.values()).size).toBe(all.size);
    expect([...all.keys()]).toEqual([...all.keys()].sort());
    expect(all.get([...all.keys()][0]!)).toBe('_0');
  });
});
