import { ChainMoney, ChainOrderStatus } from '@chainkit/react';
import { href } from '../router.js';
import { useShop } from '../shop-state.js';

/** The orders placed from this browser (the shop's own list), each followed live. */
export function Orders() {
  const { orders } = useShop();
  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">Your orders</h1>
      {orders.length === 0 ? (
        <p>
          No orders yet. <a href={href({ name: 'products' })}>Browse the products</a>
        </p>
      ) : (
        <ul className="orders">
          {orders.map((order) => (
            <li key={order.id} data-order={order.id}>
              <h2>
                {order.id} · <ChainMoney amount={order.total} currency={order.currency} />
              </h2>
              <ChainOrderStatus order={order.id} token={order.accessToken} refresh={10} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
