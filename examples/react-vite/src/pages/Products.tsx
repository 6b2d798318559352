import { ChainCatalog } from '@chainkit/react';
import { navigate } from '../router.js';

/** Labels for the catalog's category filter (the offers carry the ids). */
const CATEGORIES = [
  { id: 'outerwear', label: 'Down & outerwear' },
  { id: 'knitwear', label: 'Knitwear' },
  { id: 'scarves', label: 'Scarves' },
  { id: 'gloves', label: 'Gloves' },
  { id: 'hats', label: 'Hats' },
  { id: 'socks', label: 'Socks' },
  { id: 'thermal', label: 'Thermal wear' },
  { id: 'footwear', label: 'Boots & slippers' },
  { id: 'accessories', label: 'Accessories' },
];

export function Products() {
  return (
    <section aria-labelledby="products-title">
      <h1 id="products-title">All products</h1>
      <p>Search or filter, then choose a product to see its prices and order.</p>
      <ChainCatalog
        id="catalog"
        pageSize={24}
        categories={CATEGORIES}
        onChainOfferSelect={(event) => navigate({ name: 'product', offerId: event.detail.offerId })}
      />
    </section>
  );
}
