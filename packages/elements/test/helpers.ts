import { aTimeout } from '@open-wc/testing';
import type { LitElement } from 'lit';

/** Lets MutationObserver callbacks run, then waits for the element's update to finish. */
export async function settle(el: LitElement): Promise<void> {
  await aTimeout(0);
  await el.updateComplete;
}

/** Sets `lang` on <html> for one test; returns a function that restores the previous value. */
export function withDocumentLang(lang: string | null): () => void {
  const html = document.documentElement;
  const previous = html.getAttribute('lang');
  if (lang === null) html.removeAttribute('lang');
  else html.setAttribute('lang', lang);
  return () => {
    if (previous === null) html.removeAttribute('lang');
    else html.setAttribute('lang', previous);
  };
}
