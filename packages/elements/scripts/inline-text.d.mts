/** A message's text: a string, or a `str` template's strings with the source value each shows. */
export type Text = string | { strings: string[]; order: number[] };

/** Every English message of the `msg()` calls under `dir` (default packages/elements/src). */
export declare function englishTexts(dir?: string): Map<string, Text>;

/** The hand-written translations of `locale` in every `translations/<locale>.ts` under `dir`. */
export declare function translations(locale: string, dir?: string): Map<string, Text>;

/** `code` (the module `file`) with its `msg()` texts replaced by those of `texts`. */
export declare function inlineTexts(code: string, file: string, texts: Map<string, Text>): string;

/** The English module (`export const templates = {…}`), under the short message ids. */
export declare function englishModule(texts?: Map<string, Text>, ids?: Map<string, string>): string;

/** The Vite/Rolldown plugin writing `locale`'s text into the elements' code. */
export declare function inlineTextPlugin(locale: string): { readonly name: string };
