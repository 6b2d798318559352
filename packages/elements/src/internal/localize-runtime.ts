/**
 * The part of `@lit/localize`'s runtime mode Chainkit uses, in a few lines: the CDN build
 * (scripts/build-cdn.mjs) aliases `'@lit/localize'` to this module, so the browser files do not
 * carry the library's id hashing (every Chainkit message has an explicit `id`), its decorator
 * and its transform-mode entry points. The npm build keeps the real library; the two behave
 * alike for what the elements do:
 *
 * - `msg(text | str`…`, { id })`: the active locale's translation for `id`, else the English
 *   source text, with a `str` translation's `${index}` expressions filled from the source values;
 * - `configureLocalization({ sourceLocale, targetLocales, loadLocale })` once (a second call
 *   throws, as the library does), returning `getLocale` / `setLocale`;
 * - `setLocale` loads the locale's module, switches when it arrives (only the latest request
 *   wins; overlapping calls share one promise) and fires `lit-localize-status` on `window`
 *   (`loading`, `ready`, `error`, with the library's `detail`);
 * - `updateWhenLocaleChanges(host)` re-renders the host on each `ready` while it is connected.
 */
import type { ReactiveControllerHost } from 'lit';

/** A `str`-tagged template: a message with values. */
export interface StrResult {
  strTag: true;
  strings: readonly string[];
  values: readonly unknown[];
}

/** What a locale module holds: message id → text (a translated `str` has value indexes). */
export type TemplateMap = Record<string, string | StrResult>;

/** A locale module, as `loadLocale` resolves it. */
export interface LocaleModule {
  templates: TemplateMap;
}

/** What `configureLocalization` takes. */
export interface RuntimeConfiguration {
  sourceLocale: string;
  targetLocales: readonly string[];
  loadLocale: (locale: string) => Promise<LocaleModule>;
}

/** Tags a message with values: ``msg(str`Add ${n} more`, { id })``. */
export const str = (strings: TemplateStringsArray, ...values: unknown[]): StrResult => ({
  strTag: true,
  strings,
  values,
});

/** The source strings joined with `values`, in `order` (a translation's indexes) when given. */
const join = (strings: readonly string[], values: readonly unknown[], order?: readonly unknown[]): string =>
  strings.reduce(
    (text, part, i) => `${text}${String(values[order ? (order[i - 1] as number) : i - 1])}${part}`,
  );

let templates: TemplateMap | undefined;

/** @lit/localize's `msg()` options; the CDN build passes the (short) id alone. */
type MsgOptions = { id?: string; desc?: string } | string;

/** The message in the active locale (see the module comment). */
export function msg(template: string, options?: MsgOptions): string;
export function msg(template: StrResult, options?: MsgOptions): string;
export function msg(template: string | StrResult, options?: MsgOptions): string {
  const id = typeof options == 'string' ? options : options?.id;
  const text = id === undefined ? undefined : templates?.[id];
  const source = typeof template === 'string' ? undefined : template;
  if (typeof text === 'string') return text;
  if (text) return join(text.strings, source?.values ?? [], text.values);
  return source ? join(source.strings, source.values) : (template as string);
}

const STATUS_EVENT = 'lit-localize-status';
const status = (detail: Record<string, string>): unknown =>
  window.dispatchEvent(new CustomEvent(STATUS_EVENT, { detail }));

let configured = false;

/** Configures the runtime once per copy; returns the locale controls. */
export function configureLocalization({ sourceLocale, targetLocales, loadLocale }: RuntimeConfiguration): {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
} {
  if (configured) throw new Error('lit-localize can only be configured once');
  configured = true;
  const valid = new Set([sourceLocale, ...targetLocales]);
  let active = sourceLocale;
  let pending: string | undefined;
  let request = 0;
  let loading = Promise.resolve();
  /** Settles the shared promise of the requests under way: resolves it, or rejects it with `error`. */
  let settle: ((error?: unknown) => void) | undefined;
  return {
    getLocale: () => active,
    setLocale(locale) {
      if (locale === (pending ?? active)) return loading;
      if (!valid.has(locale)) throw new Error('Invalid locale code');
      const id = ++request;
      pending = locale;
      if (!settle) {
        loading = new Promise((resolve, reject) => {
          settle = (error) => (error === undefined ? resolve() : reject(error));
        });
      }
      status({ status: 'loading', loadingLocale: locale });
      const finish = (error?: unknown): void => {
        const done = settle;
        pending = settle = undefined;
        done?.(error);
      };
      (locale === sourceLocale ? Promise.resolve({ templates: undefined }) : loadLocale(locale)).then(
        (module: { templates: TemplateMap | undefined }) => {
          // A newer request is under way: it settles the shared promise.
          if (id !== request) return;
          active = locale;
          templates = module.templates;
          status({ status: 'ready', readyLocale: locale });
          finish();
        },
        (error: unknown) => {
          if (id !== request) return;
          status({ status: 'error', errorLocale: locale, errorMessage: String(error) });
          finish(error ?? new Error(`could not load ${locale}`));
        },
      );
      return loading;
    },
  };
}

/** Re-renders `host` whenever a locale is ready, while it is connected. */
export function updateWhenLocaleChanges(host: ReactiveControllerHost): void {
  const ready = (event: Event): void => {
    if ((event as CustomEvent<{ status: string }>).detail.status === 'ready') host.requestUpdate();
  };
  host.addController({
    hostConnected: () => window.addEventListener(STATUS_EVENT, ready),
    hostDisconnected: () => window.removeEventListener(STATUS_EVENT, ready),
  });
}
