import { ChainCart, ChainStore } from '@chainkit/react';
import { useEffect, useRef } from 'react';
import { Home } from './pages/Home.js';
import { NotFound } from './pages/NotFound.js';
import { Orders } from './pages/Orders.js';
import { Product } from './pages/Product.js';
import { Products } from './pages/Products.js';
import { href, navigate, useRoute, type Route } from './router.js';
import { ShopProvider, useShop } from './shop-state.js';

/** The demo store's publishable key (examples/data/store.json); it only allows this origin. */
const PUBLISHABLE_KEY = 'pk_test_demo';

export function App() {
  return (
    <ShopProvider>
      {/* api "/" is this origin: `npm start` serves the order server and this page together. */}
      <ChainStore api="/" publishableKey={PUBLISHABLE_KEY} locale="en" currency="CNY">
        <Header />
        <main id="main">
          <Page />
        </main>
        <footer className="site-footer">
          <p>
            A Chainkit example: a React + Vite shop with its own router and state, using{' '}
            <code>@chainkit/react</code>. The company is fictional; orders only reach the local demo server.{' '}
            <a href="/examples/">Chainkit demo</a>
          </p>
        </footer>
      </ChainStore>
    </ShopProvider>
  );
}

function Page() {
  const route = useRoute();
  useEffect(() => {
    document.title = `${titleOf(route)} · North Gate Knitwear`;
  }, [route]);
  switch (route.name) {
    case 'home':
      return <Home />;
    case 'products':
      return <Products />;
    case 'product':
      return <Product key={route.offerId} offerId={route.offerId} />;
    case 'orders':
      return <Orders />;
    case 'not-found':
      return <NotFound path={route.path} />;
  }
}

function titleOf(route: Route): string {
  return {
    home: 'Home',
    products: 'Products',
    product: 'Order',
    orders: 'Your orders',
    'not-found': 'Not found',
  }[route.name];
}

function Header() {
  const route = useRoute();
  const { cartCount, orders, setCartCount } = useShop();
  const cart = useRef<HTMLElementTagNameMap['chain-cart']>(null);
  // The cart keeps its lines in localStorage: read the count it starts with, then follow its events.
  useEffect(() => {
    void customElements.whenDefined('chain-cart').then(() => {
      if (cart.current) setCartCount(cart.current.count);
    });
  }, [setCartCount]);
  const current = (name: Route['name']) => (route.name === name ? 'page' : undefined);
  return (
    <header className="site-header">
      <a className="brand" href={href({ name: 'home' })}>
        North Gate Knitwear <small>wholesale</small>
      </a>
      <nav aria-label="Main">
        <a href={href({ name: 'home' })} aria-current={current('home')}>
          Home
        </a>
        <a href={href({ name: 'products' })} aria-current={current('products')}>
          Products
        </a>
        <a href={href({ name: 'orders' })} aria-current={current('orders')}>
          Your orders {orders.length > 0 && <span className="badge">{orders.length}</span>}
        </a>
      </nav>
      <p className="cart-count" id="cart-count" aria-live="polite">
        {cartCount === 0 ? 'Cart empty' : `${cartCount} pieces in the cart`}
      </p>
      <ChainCart
        ref={cart}
        checkoutTarget="#order-form"
        onChainCartChange={(event) => setCartCount(event.detail.count)}
        onChainCartCheckout={(event) => {
          const first = event.detail.lines[0];
          if (first && route.name !== 'product') navigate({ name: 'product', offerId: first.offerId });
        }}
      />
    </header>
  );
}
