import { define } from '../internal/define.js';
import { ChainCatalog } from './chain-catalog.js';

/** Registers `<chain-catalog>`; safe to call more than once (see `define`). */
export function defineChainCatalog(): void {
  define('chain-catalog', ChainCatalog);
}

defineChainCatalog();

export { ChainCatalog };
