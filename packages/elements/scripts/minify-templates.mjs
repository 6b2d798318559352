// A build plugin that shrinks the static text of Lit `css` and `html` tagged templates in the
// element sources: comments and indentation go, the `${…}` expressions are left untouched.
//
// - css`…`: comments removed, runs of whitespace (line breaks too) collapsed, and spaces removed
//   around `{ } ; ,` and after `:` (never before `:`, which would turn `a :hover` into
//   `a:hover`; never around `+`, which `calc()` needs); the line breaks taken out of the template
//   are put back right after its closing backtick, where JavaScript ignores them;
// - html`…`: the indentation around line breaks removed (a text node of whitespace renders the
//   same whatever its length; Chainkit's templates have no `<pre>` or `<textarea>` content).
//
// So every line of the module after a template stays on its line and the source maps stay right
// without a map from this step (only positions inside templates move).
//
// The scanner understands nested template literals, strings, comments and `${ }` inside the
// templates it rewrites; anything it does not recognise is copied unchanged.

/** Rewrites `css`/`html` templates in `code`; returns the new code. */
export function minifyTemplates(code) {
  let out = '';
  let i = 0;
  const n = code.length;
  while (i < n) {
    const ch = code[i];
    // Line and block comments, strings: copy verbatim.
    if (ch === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      out += code.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      out += code.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const stop = skipString(code, i);
      out += code.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '`') {
      const tag = /(?:^|[^\w$.])(css|html)\s*$/.exec(code.slice(Math.max(0, i - 12), i))?.[1];
      const { text, end } = template(code, i, tag);
      out += text;
      i = end;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

function skipString(code, start) {
  const quote = code[start];
  let i = start + 1;
  while (i < code.length && code[i] !== quote) {
    if (code[i] === '\\') i += 1;
    else if (code[i] === '\n') break;
    i += 1;
  }
  return i + 1;
}

/**
 * Reads the template literal starting at `start` (a backtick), rewriting its static parts when
 * `tag` is `css` or `html` and recursing into its expressions.
 */
function template(code, start, tag) {
  let i = start + 1;
  let out = '`';
  let part = '';
  const flush = (first, last) => {
    out += tag === 'css' ? minifyCss(part, first, last) : tag === 'html' ? minifyHtml(part) : part;
    part = '';
  };
  let first = true;
  while (i < code.length) {
    const ch = code[i];
    if (ch === '\\') {
      part += code.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '`') {
      flush(first, true);
      // The line breaks a css template lost go right after it, so the next line stays put.
      const lost = lineBreaks(code.slice(start, i)) - lineBreaks(out);
      return { text: `${out}\`${'\n'.repeat(lost)}`, end: i + 1 };
    }
    if (ch === '$' && code[i + 1] === '{') {
      flush(first, false);
      first = false;
      const { text, end } = expression(code, i + 2);
      out += `\${${text}}`;
      i = end;
      continue;
    }
    part += ch;
    i += 1;
  }
  throw new Error('unterminated template literal');
}

const lineBreaks = (text) => text.split('\n').length - 1;

/** Reads a `${ … }` expression body from `start`; returns it (templates inside rewritten) and the index after `}`. */
function expression(code, start) {
  let depth = 0;
  let i = start;
  let out = '';
  while (i < code.length) {
    const ch = code[i];
    if (ch === '}' && depth === 0) return { text: minifyTemplatesInExpression(out), end: i + 1 };
    if (ch === '{') depth += 1;
    if (ch === '}') depth -= 1;
    if (ch === '"' || ch === "'") {
      const stop = skipString(code, i);
      out += code.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '`') {
      // A nested template: copy it whole (rewritten by the outer pass below).
      const { end } = template(code, i, undefined);
      out += code.slice(i, end);
      i = end;
      continue;
    }
    out += ch;
    i += 1;
  }
  throw new Error('unterminated template expression');
}

const minifyTemplatesInExpression = (text) => minifyTemplates(text);

function minifyCss(text, first, last) {
  let css = text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
  if (first) css = css.replace(/^ /, '');
  if (last) css = css.replace(/ $/, '');
  return css;
}

function minifyHtml(text) {
  return text.replace(/[ \t\r]*\n[ \t\r]*/g, '\n');
}

/** The Vite/Rolldown plugin: rewrites the templates of TypeScript sources under `include`. */
export function minifyTemplatesPlugin(include = /[\\/]packages[\\/]elements[\\/]src[\\/].*\.ts$/) {
  return {
    name: 'chainkit:minify-templates',
    transform(code, id) {
      if (!include.test(id) || !/(?:css|html)\s*`/.test(code)) return null;
      return { code: minifyTemplates(code), map: null };
    },
  };
}
