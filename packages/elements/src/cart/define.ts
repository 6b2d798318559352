import { define } from '../internal/define.js';
import { ChainCart } from './chain-cart.js';

/** Registers `<chain-cart>`; safe to call more than once (see `define`). */
export function defineChainCart(): void {
  define('chain-cart', ChainCart);
}

defineChainCart();

export { ChainCart };
