/**
 * Typed events for Chainkit elements.
 *
 * Every Chainkit domain event is a `CustomEvent` that bubbles and is composed, named with the
 * `chain-` prefix. Its name and `detail` type live in one place: {@link ChainEventMap}. An element
 * that fires an event augments the map next to its class:
 *
 * ```ts
 * // src/cart/chain-cart.ts
 * declare module '../internal/events.js' {
 *   interface ChainEventMap {
 *     'chain-cart-change': { lines: number };
 *   }
 * }
 * // …and fires it with the typed helper on ChainElement:
 * this.emit('chain-cart-change', { lines: 3 });
 * ```
 *
 * Nothing else is needed: this module already folds every entry of `ChainEventMap` into the global
 * `GlobalEventHandlersEventMap` (below), so `addEventListener('chain-cart-change', (e) => e.detail.lines)`
 * is typed on every element, on `document` and on `window`, in the package and in consumers' code.
 *
 * Values that frameworks bind to (an input's value) use the native `input` / `change` events
 * instead; `chain-*` names are for domain events. Names are part of the public API: settle them
 * before 1.0 and never rename them afterwards.
 */

/**
 * Event name → `detail` type, for every event a Chainkit element fires. Empty here: each element
 * adds its own entries by declaration merging (see the module comment).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging in each element
export interface ChainEventMap {}

/** The names of all Chainkit events. */
export type ChainEventName = keyof ChainEventMap;

/** The `CustomEvent` type fired under `name`, e.g. `ChainEvent<'chain-cart-change'>`. */
export type ChainEvent<K extends ChainEventName> = CustomEvent<ChainEventMap[K]>;

/** Every Chainkit event as the `CustomEvent` it is dispatched as, keyed by name. */
export type ChainCustomEventMap = { [K in ChainEventName]: ChainEvent<K> };

/** Options for {@link ChainElement.emit}. Chainkit events always bubble and are composed. */
export interface ChainEmitOptions {
  /** Whether listeners may call `preventDefault()` to veto the action. Default `false`. */
  cancelable?: boolean;
}

declare global {
  // Makes `addEventListener('chain-…', listener)` typed everywhere (elements, document, window).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmentation only
  interface GlobalEventHandlersEventMap extends ChainCustomEventMap {}
}

/**
 * Creates the `CustomEvent` every Chainkit event is: bubbling and composed, so it crosses shadow
 * roots and reaches listeners on `document`. Used by {@link ChainElement.emit}; exported for code
 * that fires events from a controller rather than an element.
 */
export function createChainEvent<K extends ChainEventName>(
  name: K,
  detail: ChainEventMap[K],
  options: ChainEmitOptions = {},
): ChainEvent<K> {
  return new CustomEvent(name, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: options.cancelable ?? false,
  });
}
