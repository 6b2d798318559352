import { define } from '../internal/define.js';
import { ChainOrderForm } from './chain-order-form.js';

/** Registers `<chain-order-form>`; safe to call more than once (see `define`). */
export function defineChainOrderForm(): void {
  define('chain-order-form', ChainOrderForm);
}

defineChainOrderForm();

export { ChainOrderForm };
