/**
 * The framework-neutral shape of every Chainkit element, for the React (`@chainkit/elements/jsx`)
 * and Vue (`@chainkit/elements/vue`) declarations and for `@chainkit/react`. Property types are
 * read from the element classes, so they cannot drift; which properties and events are listed
 * here is checked against `custom-elements.json` by scripts/framework-types.test.ts.
 */
import type {
  ChainCart,
  ChainCatalog,
  ChainEventMap,
  ChainLadderPrice,
  ChainMoney,
  ChainOrderForm,
  ChainOrderStatus,
  ChainStore,
} from '../dist/index.js';

/** Tag name → element class. */
export interface ChainElements {
  'chain-cart': ChainCart;
  'chain-catalog': ChainCatalog;
  'chain-ladder-price': ChainLadderPrice;
  'chain-money': ChainMoney;
  'chain-order-form': ChainOrderForm;
  'chain-order-status': ChainOrderStatus;
  'chain-store': ChainStore;
}

/** A Chainkit tag name. */
export type ChainTagName = keyof ChainElements;

/** Tag name → the public properties a page may set (all optional; each is also an attribute unless noted in its JSDoc). */
export interface ChainElementProps {
  'chain-cart': Pick<
    ChainCart,
    'api' | 'key' | 'locale' | 'currency' | 'storageKey' | 'checkoutTarget' | 'offers'
  >;
  'chain-catalog': Pick<
    ChainCatalog,
    | 'api'
    | 'key'
    | 'locale'
    | 'currency'
    | 'offers'
    | 'categories'
    | 'query'
    | 'category'
    | 'layout'
    | 'pageSize'
    | 'scroller'
  >;
  'chain-ladder-price': Pick<
    ChainLadderPrice,
    'api' | 'key' | 'locale' | 'currency' | 'offer' | 'offerData' | 'quantity' | 'sku'
  >;
  'chain-money': Pick<ChainMoney, 'amount' | 'currency' | 'locale' | 'display'>;
  'chain-order-form': Pick<
    ChainOrderForm,
    | 'offer'
    | 'offerData'
    | 'factories'
    | 'api'
    | 'key'
    | 'locale'
    | 'currency'
    | 'required'
    | 'disabled'
    | 'lines'
  >;
  'chain-order-status': Pick<ChainOrderStatus, 'order' | 'token' | 'refresh' | 'api' | 'key' | 'locale'>;
  'chain-store': Pick<ChainStore, 'api' | 'key' | 'locale' | 'currency'>;
}

/** A Chainkit domain event as dispatched: a `CustomEvent` whose target is the element. */
export type ChainDomEvent<K extends keyof ChainEventMap, E extends Element = Element> = CustomEvent<
  ChainEventMap[K]
> & { target: E };

/** Tag name → event name → event, for the `chain-*` events each element fires. */
export interface ChainElementEvents {
  'chain-cart': {
    'chain-cart-change': ChainDomEvent<'chain-cart-change', ChainCart>;
    'chain-cart-checkout': ChainDomEvent<'chain-cart-checkout', ChainCart>;
  };
  'chain-catalog': {
    'chain-offer-select': ChainDomEvent<'chain-offer-select', ChainCatalog>;
  };
  'chain-ladder-price': {
    'chain-quantity-change': ChainDomEvent<'chain-quantity-change', ChainLadderPrice>;
  };
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- fires no chain-* event
  'chain-money': {};
  'chain-order-form': {
    'chain-order-placed': ChainDomEvent<'chain-order-placed', ChainOrderForm>;
  };
  'chain-order-status': {
    'chain-order-status-change': ChainDomEvent<'chain-order-status-change', ChainOrderStatus>;
    'chain-order-status-error': ChainDomEvent<'chain-order-status-error', ChainOrderStatus>;
  };
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- fires no chain-* event
  'chain-store': {};
}

/** `chain-order-placed` → `ChainOrderPlaced`. */
export type PascalEventName<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PascalEventName<Tail>}`
  : Capitalize<S>;

/**
 * `{ onChainOrderPlaced?: (event) => void }` for a tag: the handler names React wrappers and Vue
 * templates (`@chain-order-placed`) use.
 */
export type ChainEventHandlers<T extends ChainTagName> = {
  [K in keyof ChainElementEvents[T] & string as `on${PascalEventName<K>}`]?: (
    event: ChainElementEvents[T][K],
  ) => void;
};
