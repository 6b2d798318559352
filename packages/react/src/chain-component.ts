import { createComponent } from '@lit/react';
import type {
  ChainElementEvents,
  ChainElementProps,
  ChainElements,
  ChainEventHandlers,
  ChainTagName,
} from '@chainkit/elements/element-types';
import * as React from 'react';

/**
 * The props of a Chainkit React component: the element's public properties (set as DOM
 * properties, so objects and numbers pass as they are), `onChain…` handlers for its `chain-*`
 * events, the usual HTML attributes, and `publishableKey` for the element's `key` (React keeps
 * `key` for itself).
 */
export type ChainComponentProps<T extends ChainTagName> = Omit<
  React.HTMLAttributes<ChainElements[T]>,
  keyof ChainElementProps[T]
> &
  Partial<Omit<ChainElementProps[T], 'key'>> &
  ChainEventHandlers<T> &
  ('key' extends keyof ChainElementProps[T]
    ? {
        /** The store's publishable key (`pk_…`), set as the element's `key` property. */
        publishableKey?: string;
      }
    : unknown);

/** A Chainkit React component; its ref is the element. */
export type ChainComponent<T extends ChainTagName> = React.ForwardRefExoticComponent<
  ChainComponentProps<T> & React.RefAttributes<ChainElements[T]>
>;

/** The element class, as far as this module needs it. */
interface ElementClass<E extends HTMLElement> {
  new (): E;
  readonly observedAttributes: string[];
}

/** `chain-order-placed` → `onChainOrderPlaced`. */
export function eventPropName(eventName: string): string {
  return `on${eventName.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase())}`;
}

/**
 * Makes the React component for one element with `@lit/react`. It does not register the tag
 * (import `@chainkit/react/define` or `@chainkit/elements/define` once for that) and touches no
 * DOM, so it is safe to import during server rendering.
 */
export function chainComponent<T extends ChainTagName>(
  tagName: T,
  elementClass: ElementClass<ChainElements[T]>,
  eventNames: readonly (keyof ChainElementEvents[T] & string)[],
  displayName: string,
): ChainComponent<T> {
  // @lit/react sets a prop as a property only when it is `in` the prototype; Lit puts its
  // reactive property accessors there when the class is finalized, which otherwise happens only
  // at registration. Reading `observedAttributes` finalizes it (Lit's public way to do so); it
  // touches no DOM and registers nothing.
  void elementClass.observedAttributes;
  const events = Object.fromEntries(eventNames.map((name) => [eventPropName(name), name]));
  const Element = createComponent({
    react: React,
    tagName,
    elementClass,
    events,
    displayName: `${displayName}Element`,
  });
  const Component = React.forwardRef<ChainElements[T], ChainComponentProps<T>>((props, ref) => {
    const { publishableKey, ...rest } = props as ChainComponentProps<T> & { publishableKey?: string };
    const node = React.useRef<ChainElements[T] | null>(null);
    const setRef = React.useCallback(
      (element: ChainElements[T] | null) => {
        node.current = element;
        if (typeof ref === 'function') ref(element);
        else if (ref) ref.current = element;
      },
      [ref],
    );
    const hadKey = React.useRef(false);
    React.useLayoutEffect(() => {
      const element = node.current as (ChainElements[T] & { key?: string | undefined }) | null;
      if (!element || (publishableKey === undefined && !hadKey.current)) return;
      element.key = publishableKey;
      hadKey.current = publishableKey !== undefined;
    }, [publishableKey]);
    return React.createElement(Element, { ...rest, ref: setRef } as React.ComponentProps<typeof Element>);
  });
  Component.displayName = displayName;
  // forwardRef's own props type drops `ref` through a distributive Omit TypeScript cannot
  // relate back to ChainComponentProps<T> for a generic T; the shapes are the same.
  return Component as unknown as ChainComponent<T>;
}
