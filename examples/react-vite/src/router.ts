import { useEffect, useState } from 'react';

/**
 * The shop's own router: routes live in the URL hash (`#/products/padded-parka`), so the static
 * build works under any path with no server rewrites. Chainkit knows nothing about it.
 */
export type Route =
  | { name: 'home' }
  | { name: 'products' }
  | { name: 'product'; offerId: string }
  | { name: 'orders' }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/products') return { name: 'products' };
  if (path === '/orders') return { name: 'orders' };
  const product = /^\/products\/([\w-]+)$/.exec(path);
  if (product?.[1]) return { name: 'product', offerId: product[1] };
  return { name: 'not-found', path };
}

/** The link target for a route, e.g. `#/products/padded-parka`. */
export function href(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'products':
      return '#/products';
    case 'product':
      return `#/products/${route.offerId}`;
    case 'orders':
      return '#/orders';
    case 'not-found':
      return `#${route.path}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

/** The current route, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
