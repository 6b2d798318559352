/**
 * Vue 3 template types for the Chainkit tags: `import type {} from '@chainkit/elements/vue';`
 * once, and vue-tsc / Volar check `<chain-money :amount="115500" currency="CNY" />` and
 * `@chain-order-placed="(event) => event.detail.order"`.
 *
 * Vue must also be told these are custom elements, not components:
 * `app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('chain-')` (or the same
 * option of `@vitejs/plugin-vue`'s `template.compilerOptions`).
 *
 * `key` is Vue's own attribute and never reaches the element: set the publishable key on
 * `<chain-store>` as a DOM property through a template ref
 * (`storeRef.value.key = 'pk_…'`).
 */
import type { DefineComponent } from 'vue';
import type { ChainElementProps, ChainEventHandlers, ChainTagName } from './elements.js';

export type * from './elements.js';

/** The props (and `onChain…` event handlers) of a Chainkit tag in a Vue template. */
export type ChainVueProps<T extends ChainTagName> = Partial<Omit<ChainElementProps[T], 'key'>> &
  ChainEventHandlers<T>;

declare module 'vue' {
  interface GlobalComponents {
    'chain-cart': DefineComponent<ChainVueProps<'chain-cart'>>;
    'chain-catalog': DefineComponent<ChainVueProps<'chain-catalog'>>;
    'chain-ladder-price': DefineComponent<ChainVueProps<'chain-ladder-price'>>;
    'chain-money': DefineComponent<ChainVueProps<'chain-money'>>;
    'chain-order-form': DefineComponent<ChainVueProps<'chain-order-form'>>;
    'chain-order-status': DefineComponent<ChainVueProps<'chain-order-status'>>;
    'chain-store': DefineComponent<ChainVueProps<'chain-store'>>;
  }
}
