import {
  ChainCart as ChainCartElement,
  ChainCatalog as ChainCatalogElement,
  ChainLadderPrice as ChainLadderPriceElement,
  ChainMoney as ChainMoneyElement,
  ChainOrderForm as ChainOrderFormElement,
  ChainOrderStatus as ChainOrderStatusElement,
  ChainStore as ChainStoreElement,
} from '@chainkit/elements';
import { chainComponent } from './chain-component.js';

/** `<chain-store>`: connects the Chainkit components inside it to an order server (`api`, `publishableKey`). */
export const ChainStore = chainComponent('chain-store', ChainStoreElement, [], 'ChainStore');

/** `<chain-catalog>`: searchable offer grid; `onChainOfferSelect` when a card is chosen. */
export const ChainCatalog = chainComponent(
  'chain-catalog',
  ChainCatalogElement,
  ['chain-offer-select'],
  'ChainCatalog',
);

/** `<chain-ladder-price>`: tier table and quantity stepper; `onChainQuantityChange`. */
export const ChainLadderPrice = chainComponent(
  'chain-ladder-price',
  ChainLadderPriceElement,
  ['chain-quantity-change'],
  'ChainLadderPrice',
);

/** `<chain-order-form>`: size × colour matrix, buyer fields and checkout; `onChainOrderPlaced`. */
export const ChainOrderForm = chainComponent(
  'chain-order-form',
  ChainOrderFormElement,
  ['chain-order-placed'],
  'ChainOrderForm',
);

/** `<chain-cart>`: the cart button and panel; `onChainCartChange`, `onChainCartCheckout`. */
export const ChainCart = chainComponent(
  'chain-cart',
  ChainCartElement,
  ['chain-cart-change', 'chain-cart-checkout'],
  'ChainCart',
);

/** `<chain-order-status>`: an order's status and its factory sub-orders; `onChainOrderStatusChange`. */
export const ChainOrderStatus = chainComponent(
  'chain-order-status',
  ChainOrderStatusElement,
  ['chain-order-status-change', 'chain-order-status-error'],
  'ChainOrderStatus',
);

/** `<chain-money>`: an amount in integer minor units, formatted for the buyer's locale. */
export const ChainMoney = chainComponent('chain-money', ChainMoneyElement, [], 'ChainMoney');
