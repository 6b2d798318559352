import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { OrderResponse } from '@chainkit/core';

/**
 * `@chainkit/react` on the server: importing it and rendering its components in Node (no DOM)
 * works, touches no `window` or `document`, and registers nothing. The prop and event-handler
 * types are checked here too (by `tsc -p tsconfig.tests.json`).
 */
describe('@chainkit/react in Node', () => {
  it('imports without a DOM and defines no window or document', async () => {
    const react = await import('@chainkit/react');
    expect(Object.keys(react)).toEqual(
      expect.arrayContaining([
        'ChainCart',
        'ChainCatalog',
        'ChainLadderPrice',
        'ChainMoney',
        'ChainOrderForm',
        'ChainOrderStatus',
        'ChainStore',
      ]),
    );
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('server-renders the custom element tags with their attributes and children', async () => {
    const { ChainStore, ChainMoney, ChainOrderForm } = await import('@chainkit/react');
    const html = renderToString(
      createElement(
        ChainStore,
        { api: '/v1/', publishableKey: 'pk_test_demo', className: 'shop', id: 'store' },
        createElement(ChainMoney, { amount: 115500, currency: 'CNY' }),
        createElement(ChainOrderForm, { offer: 'off_1', onChainOrderPlaced: () => undefined }),
      ),
    );
    expect(html).toMatch(/^<chain-store class="shop" id="store"[^>]*><chain-money[^>]*><\/chain-money>/);
    expect(html).toContain('<chain-order-form');
    // The publishable key is a property, set in the browser; it is never rendered as React's key.
    expect(html).not.toContain('pk_test_demo');
    expect(typeof document).toBe('undefined');
  });

  it('names the event props onChain… with the event name in PascalCase', async () => {
    const { eventPropName } = await import('@chainkit/react');
    expect(eventPropName('chain-order-placed')).toBe('onChainOrderPlaced');
    expect(eventPropName('chain-order-status-change')).toBe('onChainOrderStatusChange');
  });

  it('types props and handlers from the element classes', () => {
    type Components = typeof import('@chainkit/react');
    type Props<C> = C extends (props: infer P) => unknown ? P : never;
    type FormProps = Props<Components['ChainOrderForm']>;
    expectTypeOf<NonNullable<FormProps['onChainOrderPlaced']>>()
      .parameter(0)
      .toHaveProperty('detail')
      .toEqualTypeOf<{ order: OrderResponse }>();
    expectTypeOf<Props<Components['ChainMoney']>['amount']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Props<Components['ChainStore']>['publishableKey']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Props<Components['ChainCart']>>().toHaveProperty('onChainCartCheckout');
    expectTypeOf<Props<Components['ChainMoney']>>().not.toHaveProperty('publishableKey');
  });
});
