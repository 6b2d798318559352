/**
 * Side-effect entry: registers every Chainkit element.
 *
 *   import '@chainkit/elements/define';
 *
 * Registration is idempotent and warns (never throws) when another copy of Chainkit already
 * registered a tag; see `define()`. The calls are made here, not only by importing each element's
 * define module, so a bundler that treats those modules as side-effect free cannot drop them.
 */
import { defineChainCart } from './cart/define.js';
import { defineChainCatalog } from './catalog/define.js';
import { defineChainLadderPrice } from './ladder-price/define.js';
import { defineChainMoney } from './money/define.js';
import { defineChainOrderForm } from './order-form/define.js';
import { defineChainOrderStatus } from './order-status/define.js';
import { defineChainStore } from './store/define.js';

defineChainCart();
defineChainCatalog();
defineChainLadderPrice();
defineChainMoney();
defineChainOrderForm();
defineChainOrderStatus();
defineChainStore();
