import { define } from '../internal/define.js';
import { ChainOrderStatus } from './chain-order-status.js';

/** Registers `<chain-order-status>`; safe to call more than once (see `define`). */
export function defineChainOrderStatus(): void {
  define('chain-order-status', ChainOrderStatus);
}

defineChainOrderStatus();

export { ChainOrderStatus };
