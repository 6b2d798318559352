import { define } from '../internal/define.js';
import { ChainStore } from './chain-store.js';

/** Registers `<chain-store>`; safe to call more than once (see `define`). */
export function defineChainStore(): void {
  define('chain-store', ChainStore);
}

defineChainStore();

export { ChainStore };
