import { define } from '../internal/define.js';
import { ChainMoney } from './chain-money.js';

/** Registers `<chain-money>`; safe to call more than once (see `define`). */
export function defineChainMoney(): void {
  define('chain-money', ChainMoney);
}

defineChainMoney();

export { ChainMoney };
