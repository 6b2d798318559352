import { ChainLadderPrice, ChainMoney, ChainOrderForm, ChainOrderStatus } from '@chainkit/react';
import { useEffect, useRef, useState } from 'react';
import { href } from '../router.js';
import { useShop, type PlacedOrder } from '../shop-state.js';

type OrderFormElement = HTMLElementTagNameMap['chain-order-form'];
type LadderElement = HTMLElementTagNameMap['chain-ladder-price'];

/** One product: its price ladder, the colour × size order form, and the order once placed. */
export function Product({ offerId }: { offerId: string }) {
  const { addOrder } = useShop();
  const form = useRef<OrderFormElement>(null);
  const ladder = useRef<LadderElement>(null);
  const [note, setNote] = useState('');
  const [placed, setPlaced] = useState<PlacedOrder | null>(null);

  // The pieces typed in the matrix move the ladder's marker to the tier the batch reaches.
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const sync = () => {
      const total = piecesOf(element, offerId);
      if (total > 0 && ladder.current) ladder.current.quantity = total;
    };
    element.addEventListener('input', sync);
    element.addEventListener('change', sync);
    return () => {
      element.removeEventListener('input', sync);
      element.removeEventListener('change', sync);
    };
  }, [offerId]);

  const addToCart = () => {
    const element = form.current;
    const lines = element?.lines ?? [];
    if (lines.length === 0) {
      setNote('Enter quantities in the table first.');
      return;
    }
    for (const line of lines) {
      // <chain-cart> listens on document for these requests.
      document.dispatchEvent(
        new CustomEvent('chain-cart-add', {
          detail: { offerId: line.offerId ?? offerId, skuId: line.skuId, quantity: line.quantity },
          bubbles: true,
          composed: true,
        }),
      );
    }
    setNote(`${lines.reduce((sum, line) => sum + line.quantity, 0)} pieces added to the cart.`);
  };

  return (
    <section className="product" aria-labelledby="product-title">
      <p>
        <a href={href({ name: 'products' })}>← All products</a>
      </p>
      <h1 id="product-title">Order {offerId}</h1>
      <div className="product-grid">
        <aside aria-labelledby="prices-title">
          <h2 id="prices-title">Price tiers</h2>
          <ChainLadderPrice id="ladder" ref={ladder} offer={offerId} />
          <button type="button" className="button" id="add-to-cart" onClick={addToCart}>
            Add to cart
          </button>
          <p className="hint" role="status">
            {note}
          </p>
        </aside>
        <div>
          <ChainOrderForm
            id="order-form"
            ref={form}
            offer={offerId}
            onChainOrderPlaced={(event) => {
              const { order } = event.detail;
              const summary = {
                id: order.id,
                accessToken: order.accessToken,
                total: order.total,
                currency: order.currency,
              };
              addOrder(summary);
              setPlaced(summary);
            }}
          />
        </div>
      </div>
      {placed && (
        <section id="status" aria-labelledby="status-title">
          <h2 id="status-title">
            Order progress · <ChainMoney amount={placed.total} currency={placed.currency} />
          </h2>
          <p>
            This updates as the factories accept and ship. All your orders:{' '}
            <a href={href({ name: 'orders' })}>Your orders</a>
          </p>
          <ChainOrderStatus id="order-status" order={placed.id} token={placed.accessToken} refresh={5} />
        </section>
      )}
    </section>
  );
}

/** Pieces of this offer in the form's lines (lines from the cart may belong to other offers). */
function piecesOf(form: OrderFormElement, offerId: string): number {
  return form.lines
    .filter((line) => line.offerId === undefined || line.offerId === offerId)
    .reduce((sum, line) => sum + line.quantity, 0);
}
