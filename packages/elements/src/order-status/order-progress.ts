import { deriveOrderStatus, type OrderResponse } from '@chainkit/core';

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

/**
 * The order with its status derived from the sub-orders it carries (the core's rule), so the
 * badge, the live region and the change event always agree with the timelines shown, even if a
 * response ever paired a parent status with sub-orders read a moment later.
 */
export function consistent(order: OrderResponse): OrderResponse {
  if (order.factoryOrders.length === 0) return order;
  const status = deriveOrderStatus(order.factoryOrders.map((fo) => fo.status));
  return status === order.status ? order : { ...order, status };
}
