/**
 * The preview frame: the real elements (`@chainkit/elements/define`, bundled from the
 * workspace) and the HTML the playground page sends, rendered ONLY through the project's one
 * sanitizer (`sanitizePageHtml`, DOMPurify): the HTML may come from a link someone else wrote.
 * The frame is same-origin with the docs (the service worker must control it), so the
 * sanitizer, not the sandbox, is what keeps such HTML from running script on the docs origin.
 * The page's CSP (script-src 'self') is the second line.
 */
import '@chainkit/elements/define';
import '@chainkit/elements/themes/light.css';
import '@chainkit/elements/themes/dark.css';
import './preview.css';
import { sanitizePageHtml } from '../../packages/elements/src/internal/sanitize.js';
import { wirePageGlue } from './preview-glue.js';
import { parseSettings, READY, RENDER, RENDERED, type PreviewSettings } from './protocol.js';

const root = document.getElementById('preview-root');
if (!root) throw new Error('preview.html has no #preview-root');
const content: HTMLElement = root;
wirePageGlue(content);

function apply(settings: PreviewSettings): void {
  const html = document.documentElement;
  html.lang = settings.locale;
  html.classList.toggle('chain-theme-dark', settings.theme === 'dark');
  // CSSOM writes, not a style attribute: allowed under style-src 'self'.
  html.style.setProperty('--chain-color-primary', settings.accent);
  html.style.setProperty('--chain-radius', `${settings.radius}px`);
}

function render(markup: string, settings: PreviewSettings): void {
  apply(settings);
  const fragment = sanitizePageHtml(markup);
  for (const store of fragment.querySelectorAll('chain-store')) {
    store.setAttribute('locale', settings.locale);
    store.setAttribute('currency', settings.currency);
  }
  content.replaceChildren(fragment);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.origin !== location.origin || event.source !== window.parent) return;
  const data = event.data as { type?: unknown; html?: unknown; settings?: unknown } | null;
  if (data?.type !== RENDER || typeof data.html !== 'string') return;
  const settings = parseSettings(data.settings);
  if (!settings) return;
  render(data.html, settings);
  window.parent.postMessage({ type: RENDERED }, location.origin);
});

if (window.parent === window) {
  const note = document.createElement('p');
  note.textContent = 'This page shows the playground’s preview; open the playground to use it.';
  content.replaceChildren(note);
} else {
  window.parent.postMessage({ type: READY }, location.origin);
}
