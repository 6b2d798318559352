/**
 * React 19 JSX types for the Chainkit tags: `import type {} from '@chainkit/elements/jsx';` once
 * (or list it in tsconfig `types`) and `<chain-money amount={115500} currency="CNY" />` is typed.
 *
 * React 19 sets a prop as a property when the element has it (so objects such as `offerData`
 * pass as they are) and adds `on<event-name>` props as event listeners, so the domain events are
 * typed as `onchain-order-placed={(event) => event.detail.order}`.
 *
 * `key` is React's own prop and never reaches the element: set the publishable key on
 * `<chain-store>` through a ref (`ref={(el) => { if (el) el.key = 'pk_…'; }}`) or use
 * `@chainkit/react`, whose components take it as `publishableKey`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ChainElementEvents, ChainElementProps, ChainElements, ChainTagName } from './elements.js';

export type * from './elements.js';

/** `onchain-order-placed`-style listener props (React 19 adds `on` + the exact event name). */
export type ChainJsxEventProps<T extends ChainTagName> = {
  [K in keyof ChainElementEvents[T] & string as `on${K}`]?: (event: ChainElementEvents[T][K]) => void;
};

/** The JSX props of a Chainkit tag in React 19. */
export type ChainJsxProps<T extends ChainTagName> = Omit<
  DetailedHTMLProps<HTMLAttributes<ChainElements[T]>, ChainElements[T]>,
  Exclude<keyof ChainElementProps[T], 'key'>
> &
  Partial<Omit<ChainElementProps[T], 'key'>> &
  ChainJsxEventProps<T>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'chain-cart': ChainJsxProps<'chain-cart'>;
      'chain-catalog': ChainJsxProps<'chain-catalog'>;
      'chain-ladder-price': ChainJsxProps<'chain-ladder-price'>;
      'chain-money': ChainJsxProps<'chain-money'>;
      'chain-order-form': ChainJsxProps<'chain-order-form'>;
      'chain-order-status': ChainJsxProps<'chain-order-status'>;
      'chain-store': ChainJsxProps<'chain-store'>;
    }
  }
}
