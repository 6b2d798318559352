import type { OrderResponse } from '@chainkit/core';

/** True once nothing about the order can change any more: every sub-order shipped or rejected. */
export function isFinal(order: OrderResponse): boolean {
  return order.factoryOrders.every((fo) => fo.status === 'shipped' || fo.status === 'rejected');
}

/** Whether the order's status or any sub-order's status differs between two loads. */
export function statusChanged(previous: OrderResponse, next: OrderResponse): boolean {
  if (previous.status !== next.status) return true;
  const before = new Map(previous.factoryOrders.map((fo) => [fo.id, fo.status]));
  return next.factoryOrders.some((fo) => before.get(fo.id) !== fo.status);
}
