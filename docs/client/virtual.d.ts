/** The demo data for live examples, made by docs/site/sample-data.ts at build time. */
declare module 'virtual:chainkit-sample' {
  import type { Factory, Offer } from '@chainkit/core';
  export const currency: string;
  export const offers: readonly Offer[];
  export const factories: readonly Factory[];
}
