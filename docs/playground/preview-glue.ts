/**
 * The page glue a shop would write around the elements (the preview runs no script from the
 * editor, so it provides this small, fixed set itself; presets mention it in comments):
 *
 * - `chain-offer-select` from a catalog → `offer` on every element with `data-follow-catalog`;
 * - a click on `[data-add-to-cart="<selector>"]` → the named order form's quantities go to the
 *   cart (`chain-cart-add` events);
 * - `chain-order-placed` → every `<chain-order-status>` follows that order.
 */

interface OrderFormLike extends HTMLElement {
  readonly lines?: readonly { offerId?: string; skuId: string; quantity: number }[];
}

/** Listens on `root` (the preview's content) for the events above; returns a function that stops. */
export function wirePageGlue(root: HTMLElement): () => void {
  const onSelect = (event: Event) => {
    const { offerId } = (event as CustomEvent<{ offerId: string }>).detail;
    for (const element of root.querySelectorAll('[data-follow-catalog]')) {
      element.setAttribute('offer', offerId);
      if (element.localName === 'chain-ladder-price') element.removeAttribute('quantity');
    }
    root
      .querySelector<HTMLElement>('chain-order-form[data-follow-catalog]')
      ?.scrollIntoView({ block: 'start' });
  };

  const onClick = (event: Event) => {
    const button = (event.target as Element | null)?.closest?.('[data-add-to-cart]');
    if (!button || !root.contains(button)) return;
    let form: OrderFormLike | null = null;
    try {
      form = root.querySelector<OrderFormLike>(button.getAttribute('data-add-to-cart') ?? '');
    } catch {
      return; // not a valid selector
    }
    if (!form) return;
    const offer = form.getAttribute('offer') ?? undefined;
    for (const line of form.lines ?? []) {
      const offerId = line.offerId ?? offer;
      if (!offerId) continue;
      form.dispatchEvent(
        new CustomEvent('chain-cart-add', {
          detail: { offerId, skuId: line.skuId, quantity: line.quantity },
          bubbles: true,
          composed: true,
        }),
      );
    }
  };

  const onPlaced = (event: Event) => {
    const { order } = (event as CustomEvent<{ order: { id: string; accessToken: string } }>).detail;
    for (const status of root.querySelectorAll('chain-order-status')) {
      status.setAttribute('order', order.id);
      status.setAttribute('token', order.accessToken);
    }
  };

  root.addEventListener('chain-offer-select', onSelect);
  root.addEventListener('click', onClick);
  root.addEventListener('chain-order-placed', onPlaced);
  return () => {
    root.removeEventListener('chain-offer-select', onSelect);
    root.removeEventListener('click', onClick);
    root.removeEventListener('chain-order-placed', onPlaced);
  };
}
