/**
 * The full bundle, `chainkit.full.js`: every Chainkit element in one classic script, for those
 * who want one file instead of the loader,
 *
 *   <script src="https://orders.example/cdn/chainkit.full.js" defer></script>
 *
 * It registers every `chain-*` element at once and claims `window.Chainkit`; when another copy
 * already claimed it (the loader, another full bundle, another version), it warns once and
 * registers nothing.
 */
import { ChainCart } from '../src/cart/chain-cart.js';
import { ChainCatalog } from '../src/catalog/chain-catalog.js';
import { VERSION } from '../src/internal/chain-element.js';
import { define, type DefinableElement } from '../src/internal/define.js';
import { ChainLadderPrice } from '../src/ladder-price/chain-ladder-price.js';
import { ChainMoney } from '../src/money/chain-money.js';
import { ChainOrderForm } from '../src/order-form/chain-order-form.js';
import { ChainOrderStatus } from '../src/order-status/chain-order-status.js';
import { ChainStore } from '../src/store/chain-store.js';
import { claim, standsBack } from './namespace.js';

/** Every element, the store first so it is upgraded before the elements inside it. */
const elements: Readonly<Record<string, DefinableElement>> = {
  'chain-store': ChainStore,
  'chain-cart': ChainCart,
  'chain-catalog': ChainCatalog,
  'chain-ladder-price': ChainLadderPrice,
  'chain-money': ChainMoney,
  'chain-order-form': ChainOrderForm,
  'chain-order-status': ChainOrderStatus,
};

if (!standsBack(VERSION, 'full bundle')) {
  const register = (...names: string[]): Promise<void> => {
    try {
      for (const tag of names.length > 0 ? names : Object.keys(elements)) {
        const element = elements[tag];
        if (!element) throw new TypeError(`Chainkit: no element <${tag}>`);
        define(tag, element);
      }
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error);
    }
  };
  claim({ version: VERSION, define: register });
  void register();
}
