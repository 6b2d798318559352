/**
 * Live examples that talk to an order server: the playground's in-browser one (the server's own
 * app over PGlite, answered by msw's service worker, see docs/playground/api.ts), so the docs
 * need no server. Each example's markup waits in a `<template>` until the server answers; an
 * element marked `data-sample="placed-order"` (a `<chain-order-status>`) is given a real order,
 * placed here the way `<chain-order-form>` places one.
 */
import { API_PATH } from '../playground/api-path.js';
import { startPlaygroundApi } from '../playground/api.js';

/** The demo store's publishable key, as in the examples' markup. */
const KEY = 'pk_test_demo';

async function call<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
  const response = await fetch(`${API_PATH}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${KEY}`,
      'Content-Type': 'application/json',
      ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`live example: POST ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Places an order for two colours of socks (a mixed batch of 48) and returns its id and token. */
async function placeDemoOrder(): Promise<{ id: string; accessToken: string }> {
  const lines = [
    { skuId: 'wool-blend-socks-charcoal', quantity: 24 },
    { skuId: 'wool-blend-socks-navy', quantity: 24 },
  ];
  const { subtotal } = await call<{ subtotal: number }>('/v1/quotes', { lines });
  return call(
    '/v1/orders',
    {
      buyer: { name: 'Wang Xiaoming', phone: '+86 138 0013 8000' },
      shipTo: { country: 'CN', region: 'CN-ZJ', city: 'Yiwu', line1: '88 Chouzhou North Road' },
      lines,
      expectedTotal: subtotal,
    },
    crypto.randomUUID(),
  );
}

export async function startApiExamples(
  examples: readonly HTMLElement[],
  applySamples: (root: ParentNode) => void,
): Promise<void> {
  try {
    await startPlaygroundApi();
  } catch (error) {
    for (const example of examples) {
      example.querySelector('.example-status')!.textContent = document.documentElement.lang.startsWith('zh')
        ? '这个示例需要在浏览器中运行的订单服务器，但它在这里无法启动。'
        : 'This example needs the in-browser order server, which could not start here.';
    }
    throw error;
  }
  for (const example of examples) {
    const template = example.querySelector('template');
    if (!template) continue;
    example.replaceChildren(template.content.cloneNode(true));
    applySamples(example);
    for (const status of example.querySelectorAll<HTMLElement & { order?: string; token?: string }>(
      '[data-sample~="placed-order"]',
    )) {
      const order = await placeDemoOrder();
      status.token = order.accessToken;
      status.order = order.id;
    }
  }
}
