/**
 * The ONE place merchant-supplied HTML (offer descriptions) becomes DOM. Everything else in
 * Chainkit renders product text as text.
 *
 *     import { safeHtml } from '../internal/sanitize.js';
 *     html`<div part="description">${safeHtml(localize(offer.description, locale))}</div>`;
 *
 * - A strict allowlist: paragraphs, line breaks, emphasis, lists, simple tables, quotes and
 *   links. No `style`, `class`, `id`, event handlers, scripts, iframes, forms, images, SVG or
 *   MathML; the text of a removed element stays (as text) unless the element is one whose
 *   content is never text (`script`, `style`, `template`, …).
 * - Links: absolute `http:`/`https:` URLs only (no `javascript:`, `data:`, relative or
 *   protocol-relative URLs); they open in a new tab with `rel="noopener noreferrer nofollow"`.
 * - Output is a `DocumentFragment` (DOMPurify's `RETURN_DOM_FRAGMENT`), never a string, so no
 *   code of ours assigns HTML to a sink; DOMPurify parses through its own Trusted Types policy
 *   where the page enforces Trusted Types (allow the policy name `dompurify` in the page's
 *   `trusted-types` directive).
 */
import createDOMPurify, { type Config } from 'dompurify';
import { noChange } from 'lit';
import { Directive, directive, type PartInfo, PartType } from 'lit/directive.js';

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'small',
  'sub',
  'sup',
  'mark',
  'span',
  'blockquote',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
];

/** Attributes whose values are not URLs (DOMPurify would check them against the URL pattern). */
const PLAIN_ATTR = ['lang', 'dir', 'colspan', 'rowspan', 'scope'];
const ALLOWED_ATTR = ['href', ...PLAIN_ATTR];

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^https?:\/\//i,
  ADD_URI_SAFE_ATTR: PLAIN_ATTR,
  WHOLE_DOCUMENT: false,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};

type Purifier = ReturnType<typeof createDOMPurify>;
let purifier: Purifier | undefined;

/** A private DOMPurify instance, so our hooks never affect a page's own DOMPurify use. */
function getPurifier(): Purifier {
  if (purifier) return purifier;
  const instance = createDOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const anchor = node as HTMLAnchorElement;
    const href = anchor.getAttribute('href');
    if (href === null || !isHttpUrl(href)) {
      anchor.removeAttribute('href');
      return;
    }
    anchor.setAttribute('target', '_blank');
    anchor.setAttribute('rel', 'noopener noreferrer nofollow');
  });
  purifier = instance;
  return instance;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Sanitizes `html` to a `DocumentFragment` that is safe to insert: see the module comment for
 * what survives. Non-string input gives an empty fragment.
 */
export function sanitizeHtml(html: string | null | undefined): DocumentFragment {
  if (typeof html !== 'string' || html === '') return document.createDocumentFragment();
  return getPurifier().sanitize(html, CONFIG);
}

/**
 * The docs playground's profile: a whole storefront snippet as a merchant pastes it (layout
 * HTML, links, images, buttons and the `chain-*` elements with their attributes), from the
 * editor or from a shared link. No scripts, event handlers, styles, forms, frames, SVG or
 * MathML; custom elements other than `chain-*` and customized built-ins are dropped. URL
 * attributes must be relative or http(s)/mailto/tel (DOMPurify's default URL pattern).
 */
const PAGE_CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'select', 'textarea', 'option', 'template', 'dialog'],
  FORBID_ATTR: ['style', 'formaction', 'form', 'srcset'],
  CUSTOM_ELEMENT_HANDLING: {
    tagNameCheck: /^chain-[a-z0-9-]+$/,
    // Any lower-case attribute name except event handlers (`on…`): DOMPurify would otherwise let
    // `onclick` through on a custom element whose attribute check passes.
    attributeNameCheck: /^(?!on)[a-z][a-z0-9-]*$/,
    allowCustomizedBuiltInElements: false,
  },
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_DOM: true,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};

/**
 * Sanitizes a storefront snippet (the docs playground's preview) to a `DocumentFragment`: the
 * same DOMPurify instance as {@link sanitizeHtml}, a wider allowlist (see `PAGE_CONFIG`) that
 * keeps `chain-*` elements and their attributes. Not used by the elements themselves.
 */
export function sanitizePageHtml(html: string | null | undefined): DocumentFragment {
  if (typeof html !== 'string' || html === '') return document.createDocumentFragment();
  const fragment = getPurifier().sanitize(html, PAGE_CONFIG);
  // DOMPurify checks the values of the attributes it knows, not those a custom element's name
  // check let through: drop script-like URLs there too.
  for (const element of fragment.querySelectorAll('*')) {
    if (!element.localName.startsWith('chain-')) continue;
    for (const name of element.getAttributeNames()) {
      // Without the control characters and spaces a browser ignores in a URL's scheme.
      const compact = Array.from(element.getAttribute(name) ?? '')
        .filter((char) => char > ' ' && char.trim() !== '')
        .join('');
      if (/^(?:javascript|vbscript|data):/i.test(compact)) element.removeAttribute(name);
    }
  }
  return fragment;
}

/** Whether `text` holds any markup at all (a `<` followed by a letter, `/`, `!` or `?`). */
export function looksLikeHtml(text: string): boolean {
  return /<[a-z/!?]/i.test(text);
}

class SafeHtmlDirective extends Directive {
  #last: string | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('safeHtml() can only be used in element content');
  }

  render(html: string | null | undefined): DocumentFragment | typeof noChange {
    const value = html ?? '';
    // Sanitize and replace the nodes only when the HTML changed.
    if (value === this.#last) return noChange;
    this.#last = value;
    return sanitizeHtml(value);
  }
}

/**
 * Lit directive: renders merchant HTML through {@link sanitizeHtml}, re-sanitizing only when
 * the string changes. Use in element content only: ``html`<div>${safeHtml(description)}</div>` ``.
 */
export const safeHtml = directive(SafeHtmlDirective);
