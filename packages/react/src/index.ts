/**
 * `@chainkit/react`: React components for the Chainkit elements, made with `@lit/react`.
 *
 * ```tsx
 * import '@chainkit/react/define'; // registers the elements, once, in the browser entry
 * import { ChainStore, ChainOrderForm } from '@chainkit/react';
 *
 * <ChainStore api="/v1/" publishableKey="pk_…">
 *   <ChainOrderForm offer="off_…" onChainOrderPlaced={(e) => navigate(`/orders/${e.detail.order.id}`)} />
 * </ChainStore>
 * ```
 *
 * Importing this module registers nothing and touches no DOM (server rendering is safe).
 */
export {
  ChainCart,
  ChainCatalog,
  ChainLadderPrice,
  ChainMoney,
  ChainOrderForm,
  ChainOrderStatus,
  ChainStore,
} from './components.js';
export {
  chainComponent,
  eventPropName,
  type ChainComponent,
  type ChainComponentProps,
} from './chain-component.js';
export type {
  ChainDomEvent,
  ChainElementEvents,
  ChainElementProps,
  ChainTagName,
} from '@chainkit/elements/element-types';
