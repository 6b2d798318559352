/**
 * The XSS corpus both profiles of the one sanitizer are tested against (sanitize.test.ts for
 * offer content, sanitize-page.test.ts for the playground's storefront snippets).
 */
declare global {
  interface Window {
    __xss?: string[];
  }
}

/**
 * Payloads that each try to run `window.__xss.push(…)`. A payload "executes" when the array
 * gets an entry after it was rendered into the document.
 */
export const RUN = (id: string) => `window.__xss.push('${id}')`;
/** An image that fails to decode, so `onerror` fires if the handler survived. */
export const BAD_IMG = 'data:image/png;base64,AAAA';
export const XSS_CORPUS: readonly [string, string][] = [
  ['script', `<script>${RUN('script')}</script>`],
  ['img onerror', `<img src="${BAD_IMG}" onerror="${RUN('img')}">`],
  ['svg onload', `<svg onload="${RUN('svg')}"></svg>`],
  ['svg script', `<svg><script>${RUN('svg-script')}</script></svg>`],
  ['body onload', `<body onload="${RUN('body')}">`],
  ['details ontoggle', `<details open ontoggle="${RUN('details')}"><summary>x</summary></details>`],
  ['video source onerror', `<video><source onerror="${RUN('video')}"></video>`],
  ['iframe srcdoc', `<iframe srcdoc="<script>parent.${RUN('iframe')}</script>"></iframe>`],
  ['iframe javascript', `<iframe src="javascript:${RUN('iframe-js')}"></iframe>`],
  ['object', `<object data="javascript:${RUN('object')}"></object>`],
  ['embed', `<embed src="javascript:${RUN('embed')}">`],
  ['template', `<template><img src="${BAD_IMG}" onerror="${RUN('template')}"></template>`],
  ['style import', `<style>@import 'javascript:${RUN('style')}';</style><p>text</p>`],
  ['style attribute', `<p style="background:url(javascript:${RUN('style-attr')})">styled</p>`],
  ['javascript: link', `<a href="javascript:${RUN('a')}">click</a>`],
  ['entity-encoded javascript:', `<a href="&#106;avascript:${RUN('a-entity')}">click</a>`],
  ['tab in javascript:', `<a href="jav&#x09;ascript:${RUN('a-tab')}">click</a>`],
  ['spaces before javascript:', `<a href="  javascript:${RUN('a-space')}">click</a>`],
  ['data: link', `<a href="data:text/html,<script>${RUN('data')}</script>">click</a>`],
  ['svg xlink:href', `<svg><a xlink:href="javascript:${RUN('xlink')}"><text>x</text></a></svg>`],
  ['form action', `<form action="javascript:${RUN('form')}"><button>go</button></form>`],
  ['button formaction', `<button formaction="javascript:${RUN('formaction')}">go</button>`],
  ['meta refresh', `<meta http-equiv="refresh" content="0;url=javascript:${RUN('meta')}">`],
  ['base href', `<base href="javascript:${RUN('base')}//">`],
  ['link import', `<link rel="stylesheet" href="javascript:${RUN('link')}">`],
  ['comment', `<!--<img src="${BAD_IMG}" onerror="${RUN('comment')}">-->`],
  [
    'mXSS noscript',
    `<noscript><p title="</noscript><img src=${BAD_IMG} onerror=${RUN('noscript')}>"></noscript>`,
  ],
  ['mXSS svg style', `<svg></p><style><a id="</style><img src=${BAD_IMG} onerror=${RUN('svg-style')}>">`],
  [
    'mXSS math mglyph',
    `<math><mtext><table><mglyph><style><img src=${BAD_IMG} onerror=${RUN('mglyph')}></style></mglyph></table></mtext></math>`,
  ],
  [
    'mXSS form nesting',
    `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=${RUN('form-nest')} src=${BAD_IMG}>">`,
  ],
  ['mXSS textarea', `<textarea><img title="</textarea><img src=${BAD_IMG} onerror=${RUN('textarea')}>">`],
  ['dom clobbering', `<img name="body"><form id="__xss"><input name="push"></form><a id="cookie">x</a>`],
  ['uppercase handler', `<P ONCLICK="${RUN('upper')}" ONMOUSEOVER="${RUN('upper2')}">x</P>`],
  ['isindex', `<isindex type="image" src="${BAD_IMG}" onerror="${RUN('isindex')}">`],
];
