/**
 * The presets: HTML as a merchant would paste it, against the playground's API (the demo
 * catalog, examples/data/store.json) with the demo publishable key. The embed code swaps the
 * API base for the merchant's own server.
 */
import { API_PATH } from './api-path.js';

export const PRESET_IDS = ['catalog', 'ladder', 'order-form', 'cart', 'order-status', 'storefront'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface Preset {
  readonly id: PresetId;
  readonly label: string;
  readonly html: string;
}

const open = `<chain-store api="${API_PATH}" key="pk_test_demo">`;

export const PRESETS: readonly Preset[] = [
  {
    id: 'catalog',
    label: 'Catalog',
    html: `${open}
  <h2>Winter wholesale</h2>
  <chain-catalog page-size="24"></chain-catalog>
</chain-store>
`,
  },
  {
    id: 'ladder',
    label: 'Ladder calculator',
    html: `${open}
  <h2>Thick wool-blend socks</h2>
  <p>Boxes of 12 pairs. The more you take, the less each pair costs.</p>
  <chain-ladder-price offer="wool-blend-socks" quantity="120"></chain-ladder-price>
</chain-store>
`,
  },
  {
    id: 'order-form',
    label: 'Order form',
    html: `${open}
  <h2>Heavy padded parka</h2>
  <chain-order-form offer="padded-parka"></chain-order-form>
</chain-store>
`,
  },
  {
    id: 'cart',
    label: 'Cart',
    html: `${open}
  <chain-cart checkout-target="#order-form"></chain-cart>
  <h2>Plaid faux-cashmere scarf</h2>
  <chain-order-form id="order-form" offer="plaid-faux-cashmere-scarf"></chain-order-form>
  <!-- The preview's page glue: adds the form's quantities to the cart. -->
  <button type="button" data-add-to-cart="#order-form">Add to cart</button>
</chain-store>
`,
  },
  {
    id: 'order-status',
    label: 'Order status',
    html: `${open}
  <h2>Thick wool-blend socks</h2>
  <chain-order-form offer="wool-blend-socks"></chain-order-form>
  <h2>Your order</h2>
  <!-- The preview's page glue fills in order and token once the form placed an order. -->
  <chain-order-status refresh="5"></chain-order-status>
</chain-store>
`,
  },
  {
    id: 'storefront',
    label: 'Full storefront',
    html: `${open}
  <header>
    <h1>Yiwu Nuandong winterwear</h1>
    <chain-cart checkout-target="#order-form"></chain-cart>
  </header>
  <section>
    <h2>Catalog</h2>
    <chain-catalog page-size="24"></chain-catalog>
  </section>
  <section>
    <h2>Order</h2>
    <!-- data-follow-catalog: the preview's page glue shows the offer chosen in the catalog. -->
    <chain-ladder-price offer="padded-parka" data-follow-catalog></chain-ladder-price>
    <chain-order-form id="order-form" offer="padded-parka" data-follow-catalog></chain-order-form>
    <button type="button" data-add-to-cart="#order-form">Add to cart</button>
  </section>
  <section>
    <h2>Order status</h2>
    <chain-order-status></chain-order-status>
  </section>
</chain-store>
`,
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
