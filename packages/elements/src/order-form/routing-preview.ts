import { routeOrder, type Catalog, type QuotedLine } from '@chainkit/core';

/** One factory's share of the order, as the form previews it. */
export interface PreviewRow {
  readonly factoryId: string;
  readonly factoryName: string;
  /** Units this factory makes. */
  readonly units: number;
  /** Minor units. */
  readonly subtotal: number;
  /** `YYYY-MM-DD`. */
  readonly estimatedShipDate: string;
}

export interface RoutingPreview {
  readonly rows: readonly PreviewRow[];
  /** Units no factory can take (no sourcing, beyond the horizon). */
  readonly unassignedUnits: number;
}

/** Today in the browser's time zone as `YYYY-MM-DD` (the server uses the merchant's zone). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Which factories would make the priced lines and when they would ship, by core `routeOrder`
 * (the same routing the server applies; the server also counts the factories' queues, which the
 * browser cannot see, so the dates are estimates). `catalog.factories` must hold the store's
 * factories (`client.listFactories()`).
 */
export function previewRouting(
  catalog: Catalog,
  lines: readonly QuotedLine[],
  shipTo: { country: string; region: string },
  orderDate: string = today(),
): RoutingPreview {
  const result = routeOrder({ catalog, lines, shipTo, orderDate });
  const names = new Map(catalog.factories.map((factory) => [factory.id, factory.name]));
  return {
    rows: result.factoryOrders.map((order) => ({
      factoryId: order.factoryId,
      factoryName: names.get(order.factoryId) ?? order.factoryId,
      units: order.lines.reduce((sum, line) => sum + line.quantity, 0),
      subtotal: order.subtotal,
      estimatedShipDate: order.estimatedShipDate,
    })),
    unassignedUnits: result.unassigned.reduce((sum, line) => sum + line.quantity, 0),
  };
}
