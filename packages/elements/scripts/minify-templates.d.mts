/** Rewrites the static text of `css` and `html` tagged templates in `code` (see minify-templates.mjs). */
export declare function minifyTemplates(code: string): string;

/** The Vite/Rolldown plugin applying {@link minifyTemplates} to the element sources. */
export declare function minifyTemplatesPlugin(include?: RegExp): {
  readonly name: string;
  transform(code: string, id: string): { code: string; map: null } | null;
};
