/**
 * The CDN build's template minifier (packages/elements/scripts/minify-templates.mjs): it may only
 * drop what the browser ignores in `css` and `html` templates, never touch `${…}` expressions or
 * other strings, and keep every line where it was (the source maps rely on it).
 */
import { describe, expect, it } from 'vitest';
import { minifyTemplates, minifyTemplatesPlugin } from '../packages/elements/scripts/minify-templates.mjs';

const lines = (text: string): number => text.split('\n').length;

describe('minifyTemplates', () => {
  it('shrinks css templates without changing what they mean', () => {
    const source = [
      'const styles = css`',
      '  /* the host */',
      '  :host {',
      '    display: block;',
      '    padding: ${tokens.space2}   ${tokens.space3};',
      '    width: calc(100% - 2rem + 1px);',
      '  }',
      '  a :hover,  b > c {',
      '    color: red;',
      '  }',
      '`;',
    ].join('\n');
    const out = minifyTemplates(source);
    expect(out).toContain(
      'css`:host{display:block;padding:${tokens.space2} ${tokens.space3};width:calc(100% - 2rem + 1px)}',
    );
    expect(out).toContain('a :hover,b > c{color:red}`\n');
    expect(out).not.toContain('the host');
    // The template's line breaks follow its closing backtick: the next line stays where it was.
    expect(lines(out)).toBe(lines(source));
    expect(out.split('\n').at(-1)).toBe(';');
  });

  it('removes indentation in html templates, keeping expressions and nested templates intact', () => {
    const source = [
      'return html`',
      '      <p class="a">',
      '        ${cond ? html`<b>  x  </b>` : "  keep  this  "}',
      '        ${list.map((item) => html`',
      '            <li>${item}</li>`)}',
      '      </p>`;',
    ].join('\n');
    const out = minifyTemplates(source);
    expect(out).toBe(
      [
        'return html`',
        '<p class="a">',
        '${cond ? html`<b>  x  </b>` : "  keep  this  "}',
        '${list.map((item) => html`',
        '<li>${item}</li>`)}',
        '</p>`;',
      ].join('\n'),
    );
  });

  it('leaves other templates, strings and comments alone', () => {
    const source = [
      'const a = `  plain  ${x}  `;',
      "const b = msg(str`Add ${n}   more`, { id: 'x' });",
      "const c = '  css`not a template`  ';",
      '// html`  in a comment  `',
      '/* css`  in a block comment  ` */',
    ].join('\n');
    expect(minifyTemplates(source)).toBe(source);
  });

  it('applies to the element sources only', () => {
    const plugin = minifyTemplatesPlugin();
    const code = 'export const s = css`\n  :host {\n    display: block;\n  }\n`;';
    expect(plugin.transform(code, '/repo/packages/elements/src/cart/chain-cart.styles.ts')?.code).toContain(
      ':host{display:block}',
    );
    expect(plugin.transform(code, '/repo/node_modules/lit/index.js')).toBeNull();
  });
});
