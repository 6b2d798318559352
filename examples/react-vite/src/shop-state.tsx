import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** An order this browser placed: enough to follow it with <ChainOrderStatus>. */
export interface PlacedOrder {
  readonly id: string;
  readonly accessToken: string;
  readonly total: number;
  readonly currency: string;
}

/** The shop's own state, fed by Chainkit's events: the cart badge and the orders placed here. */
interface ShopState {
  readonly cartCount: number;
  readonly orders: readonly PlacedOrder[];
  setCartCount(count: number): void;
  addOrder(order: PlacedOrder): void;
}

const ORDERS_KEY = 'north-gate:orders';
/**
 * Where the orders placed in this tab are kept: `sessionStorage`, so they survive a reload and
 * leave with the tab. Each carries its order token, which reads the order with the buyer's
 * contact and address: a token must not outlive the visit in `localStorage`. A shop with buyer
 * accounts keeps the orders on its own server instead.
 */
const storage = (): Storage => sessionStorage;
const ShopContext = createContext<ShopState | null>(null);

/** Whether a stored entry still has the shape this shop writes (storage is anyone's to edit). */
function isPlacedOrder(value: unknown): value is PlacedOrder {
  if (typeof value !== 'object' || value === null) return false;
  const { id, accessToken, total, currency } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    typeof accessToken === 'string' &&
    Number.isSafeInteger(total) &&
    typeof currency === 'string'
  );
}

function loadOrders(): PlacedOrder[] {
  try {
    const saved: unknown = JSON.parse(storage().getItem(ORDERS_KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter(isPlacedOrder) : [];
  } catch {
    // Storage off or a damaged entry: start with no orders rather than fail.
    return [];
  }
}

export function ShopProvider({ children }: { children: ReactNode }) {
  const [cartCount, setCartCount] = useState(0);
  const [orders, setOrders] = useState<readonly PlacedOrder[]>(loadOrders);
  const addOrder = useCallback((order: PlacedOrder) => {
    setOrders((current) => {
      const next = [order, ...current.filter((o) => o.id !== order.id)].slice(0, 20);
      try {
        storage().setItem(ORDERS_KEY, JSON.stringify(next));
      } catch {
        // Storage off: the list then lasts until the page is left.
      }
      return next;
    });
  }, []);
  const value = useMemo(() => ({ cartCount, orders, setCartCount, addOrder }), [cartCount, orders, addOrder]);
  return <ShopContext.Provider value={value}>{children}</ShopContext.Provider>;
}

export function useShop(): ShopState {
  const state = useContext(ShopContext);
  if (!state) throw new Error('useShop() must be used inside <ShopProvider>');
  return state;
}
