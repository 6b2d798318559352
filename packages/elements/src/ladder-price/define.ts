import { define } from '../internal/define.js';
import { ChainLadderPrice } from './chain-ladder-price.js';

/** Registers `<chain-ladder-price>`; safe to call more than once (see `define`). */
export function defineChainLadderPrice(): void {
  define('chain-ladder-price', ChainLadderPrice);
}

defineChainLadderPrice();

export { ChainLadderPrice };
