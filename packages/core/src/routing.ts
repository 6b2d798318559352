/**
 * Factory routing: which partner factory makes and ships each priced line of an order.
 *
 * `routeOrder` is pure and deterministic: the same input always gives a deep-equal result,
 * and neither the order of `catalog.factories` nor the order of an offer's `sourcing`
 * changes it (factories are looked up by id, candidates are sorted).
 *
 * ## Ship-date model
 * Day arithmetic is on calendar days of the `YYYY-MM-DD` order date (no time zones).
 * A factory works its queue first in, first out and ships `dailyCapacity` units a day,
 * the first of them `leadTimeDays` after the order date. With `queued` units ahead of a
 * batch of `units`, the batch's last unit ships on
 *
 *     estimatedShipDate = orderDate + leadTimeDays + ceil((queued + units) / dailyCapacity) − 1
 *
 * so a factory with lead 0, an empty queue and room for the batch ships on the order date.
 * `queued` is `queuedUnits[factoryId]` plus every unit this order already gave the factory
 * (lines are routed in input order).
 *
 * ## Choosing a factory for a line
 * Candidates are the offer's `sourcing` entries whose `skuIds` is absent or names the SKU,
 * that point to a factory in the catalog with a positive integer `dailyCapacity` and a
 * non-negative integer `leadTimeDays`. When one factory appears in several entries its
 * lowest applicable `priority` counts. Candidates are ranked by, in turn:
 * 1. the estimated ship date of the whole line (earlier first);
 * 2. sourcing priority (lower first);
 * 3. the factory's region equal to `shipTo.region` first;
 * 4. factory id (plain code-unit order).
 *
 * ## Splitting a line
 * Let `W` be the ship date of the best whole assignment. Each candidate `f` can ship
 * `capacityBy(f, D) = max(0, (D − orderDate − lead_f + 1) · capacity_f − queued_f)` more units
 * by day `D`, rounded down to a multiple of the SKU's step. The split date `D*` is the
 * earliest day at which these rounded capacities add up to the line's quantity (binary
 * search). Only when `D* < W` is the line split: candidates are filled in order of the
 * day they could ship their next unit (`orderDate + lead + floor(queued / capacity)`),
 * ties broken as above, each taking as many units as it can ship by `D*` (a multiple of
 * the step) until the line is covered. Otherwise the whole line goes to the best factory.
 * The step is the SKU's own `rules.step`, else the offer's; when the line's quantity is not
 * a multiple of it (or it is not a positive integer) parts are only multiples of 1.
 * A split line's `lineTotal` is shared among the parts in proportion to their quantities
 * with the largest-remainder method (exact integers; ties go to the earlier part), so the
 * parts always add up to the line total. Every part keeps the line's `unitPrice`.
 *
 * ## What cannot be routed
 * Lines whose offer or SKU is unknown, with no candidate factory, with a quantity that is
 * not a positive safe integer or a `lineTotal` that is not a non-negative safe integer, or
 * that no factory (alone or split) can ship by 9999-12-31 land in `unassigned` with a reason.
 * Invariant: the factory-order subtotals plus the unassigned line totals equal the sum of
 * the input line totals.
 *
 * Arithmetic is exact while quantities, queues and `capacity × days` stay below 2^53.
 */
import type { Catalog, Factory, Offer } from './catalog.js';
import type { QuotedLine } from './quote-types.js';
import { formatDay, MAX_DAY_NUMBER, parseDay } from './dates.js';

/** The fields of a priced line that routing uses; a full `QuotedLine` fits. */
export type RoutableLine = Pick<QuotedLine, 'skuId' | 'offerId' | 'quantity' | 'unitPrice' | 'lineTotal'>;

export interface RoutingShipTo {
  /** ISO 3166-1 alpha-2 country code. */
  readonly country: string;
  /** Region of the destination, compared as-is with `Factory.region` (e.g. `CN-ZJ`). */
  readonly region: string;
}

export interface RoutingInput {
  readonly catalog: Catalog;
  /** Priced lines, routed in this order. */
  readonly lines: readonly RoutableLine[];
  readonly shipTo: RoutingShipTo;
  /** The day the order is placed, `YYYY-MM-DD`, in the chain master's time zone. */
  readonly orderDate: string;
  /** Units already queued with each factory and not yet shipped (absent means 0). */
  readonly queuedUnits?: Readonly<Record<string, number>>;
}

/** Why a line (or a part of it) went to its factory. */
export type RoutingReasonCode =
  /** The only factory that can make the SKU. */
  | 'only_candidate'
  /** Ships strictly earlier than any other candidate. */
  | 'earliest_ship_date'
  /** Same ship date as the runner-up; lower sourcing priority. */
  | 'priority_tie'
  /** Same ship date and priority; the factory is in the ship-to region. */
  | 'region_tie'
  /** Same ship date, priority and region match; first by factory id. */
  | 'factory_id_tie'
  /** Part of a line split across factories because that ships it earlier. */
  | 'split_capacity';

export interface LineRoutingReason {
  readonly code: RoutingReasonCode;
  /** A human-readable explanation, suitable for storing with the sub-order. */
  readonly text: string;
  readonly factoryId: string;
  readonly estimatedShipDate: string;
  readonly leadTimeDays: number;
  readonly dailyCapacity: number;
  /** Units ahead of this line in the factory's queue (including this order's earlier lines). */
  readonly queuedBefore: number;
  readonly priority: number;
  /** True when the factory's region equals the ship-to region. */
  readonly sameRegion: boolean;
  /** How many factories could make the SKU. */
  readonly candidates: number;
  /** The next-best whole-line assignment; `null` when there is none that ships by 9999-12-31. */
  readonly runnerUp: { readonly factoryId: string; readonly estimatedShipDate: string } | null;
  /** Present on `split_capacity` parts. */
  readonly split?: {
    /** 0-based index of this part among the line's parts, in fill order. */
    readonly part: number;
    readonly parts: number;
    readonly lineQuantity: number;
    /** The day the whole line would ship from the best single factory (may be past 9999-12-31 → `null`). */
    readonly wholeLineShipDate: string | null;
    /** The day every part ships by. */
    readonly splitShipDate: string;
  };
}

export interface RoutedLine {
  /** Index of the input line this comes from (a split line gives several parts with the same index). */
  readonly lineIndex: number;
  readonly skuId: string;
  readonly offerId: string;
  readonly quantity: number;
  readonly unitPrice: number;
  /** Minor units; for a split line, this part's exact share of the line total. */
  readonly lineTotal: number;
  readonly estimatedShipDate: string;
  readonly reason: LineRoutingReason;
}

export interface FactoryOrderReason {
  /** The lines' code when they all agree, else `mixed`. */
  readonly code: RoutingReasonCode | 'mixed';
  /** The lines' explanations, one per line (joined with `\n`). */
  readonly text: string;
}

export interface RoutedFactoryOrder {
  readonly factoryId: string;
  /** In input order of the lines. */
  readonly lines: readonly RoutedLine[];
  /** Sum of the lines' `lineTotal`, minor units. */
  readonly subtotal: number;
  /** The latest ship date among the lines. */
  readonly estimatedShipDate: string;
  readonly reason: FactoryOrderReason;
}

export type UnassignedCode =
  'unknown_offer' | 'unknown_sku' | 'no_factory' | 'invalid_line' | 'beyond_horizon';

export interface UnassignedLine {
  /** Index of the input line. */
  readonly lineIndex: number;
  readonly skuId: string;
  readonly offerId: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly lineTotal: number;
  readonly reason: { readonly code: UnassignedCode; readonly text: string };
}

export interface RoutingResult {
  /** Sorted by factory id. */
  readonly factoryOrders: readonly RoutedFactoryOrder[];
  /** In input order. */
  readonly unassigned: readonly UnassignedLine[];
}

interface Candidate {
  readonly factory: Factory;
  readonly priority: number;
  readonly sameRegion: boolean;
  /** Units ahead in the queue when this line is routed. */
  readonly queued: number;
}

/** Plain code-unit comparison: the same everywhere, unlike `localeCompare`. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Days after the order date on which the last of `units` more units ships. */
function shipOffset(c: Candidate, units: number): number {
  return c.factory.leadTimeDays + Math.ceil((c.queued + units) / c.factory.dailyCapacity) - 1;
}

/** Days after the order date on which the factory could ship its next unit. */
function firstUnitOffset(c: Candidate): number {
  return c.factory.leadTimeDays + Math.floor(c.queued / c.factory.dailyCapacity);
}

/** More units the factory can ship by `offset` days after the order date. */
function capacityBy(c: Candidate, offset: number): number {
  const days = offset - c.factory.leadTimeDays + 1;
  if (days <= 0) return 0;
  return Math.max(0, days * c.factory.dailyCapacity - c.queued);
}

/** Ranks by priority, then ship-to region, then id: the tie-breakers after the date. */
function compareTieBreakers(a: Candidate, b: Candidate): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.sameRegion !== b.sameRegion) return a.sameRegion ? -1 : 1;
  return compareIds(a.factory.id, b.factory.id);
}

function isUsableFactory(f: Factory): boolean {
  return (
    Number.isSafeInteger(f.dailyCapacity) &&
    f.dailyCapacity > 0 &&
    Number.isSafeInteger(f.leadTimeDays) &&
    f.leadTimeDays >= 0
  );
}

function stepFor(offer: Offer, skuId: string, quantity: number): number {
  const sku = offer.skus.find((s) => s.id === skuId);
  const step = sku?.rules?.step ?? offer.rules.step;
  return Number.isSafeInteger(step) && step > 0 && quantity % step === 0 ? step : 1;
}

/**
 * Splits `total` minor units among parts in proportion to `weights` (positive integers)
 * by the largest-remainder method; exact with BigInt, ties to the earlier part.
 */
function allocateByWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  const big = BigInt(total);
  const shares = weights.map((w) => (big * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (big * BigInt(w)) % sum }));
  let left = Number(big - shares.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1;
  }
  return shares.map(Number);
}

function describeFactory(c: Candidate, units: number, shipDate: string): string {
  return (
    `${c.factory.id} ships ${units} by ${shipDate} ` +
    `(lead ${c.factory.leadTimeDays} d, ${c.queued} queued, ${c.factory.dailyCapacity}/day); priority ${c.priority}` +
    (c.sameRegion ? `, same region ${c.factory.region}` : '')
  );
}

interface Assignment {
  readonly candidate: Candidate;
  readonly quantity: number;
  readonly offset: number;
  readonly reasonCode: RoutingReasonCode;
  readonly text: string;
  readonly split?: LineRoutingReason['split'];
}

/** Candidates for a line, with their current queues. */
function candidatesFor(
  offer: Offer,
  skuId: string,
  factoriesById: ReadonlyMap<string, Factory>,
  queues: ReadonlyMap<string, number>,
  shipRegion: string,
): Candidate[] {
  const best = new Map<string, number>();
  for (const s of offer.sourcing) {
    if (s.skuIds !== undefined && !s.skuIds.includes(skuId)) continue;
    // A non-finite priority (a catalog error) ranks last rather than breaking the sort.
    const priority = Number.isFinite(s.priority) ? s.priority : Number.MAX_VALUE;
    const prev = best.get(s.factoryId);
    if (prev === undefined || priority < prev) best.set(s.factoryId, priority);
  }
  const out: Candidate[] = [];
  for (const [factoryId, priority] of best) {
    const factory = factoriesById.get(factoryId);
    if (!factory || !isUsableFactory(factory)) continue;
    out.push({
      factory,
      priority,
      sameRegion: factory.region === shipRegion,
      queued: queues.get(factoryId) ?? 0,
    });
  }
  return out;
}

/** Routes one valid line among its candidates; `null` when nothing ships by `horizon` days. */
function assignLine(
  line: RoutableLine,
  step: number,
  candidates: readonly Candidate[],
  orderDay: number,
  horizon: number,
): Assignment[] | null {
  const q = line.quantity;
  const ranked = candidates
    .map((c) => ({ c, offset: shipOffset(c, q) }))
    .sort((a, b) => (a.offset !== b.offset ? a.offset - b.offset : compareTieBreakers(a.c, b.c)));
  const best = ranked[0];
  if (!best) return null;
  const runnerUp = ranked[1];
  const dateOf = (offset: number): string => formatDay(orderDay + offset);

  // Earliest day by which the candidates together can ship the line, strictly before the whole assignment.
  const roundedCapacity = (c: Candidate, offset: number): number =>
    Math.floor(capacityBy(c, offset) / step) * step;
  const coverBy = (offset: number): boolean => {
    let sum = 0;
    for (const { c } of ranked) {
      sum += roundedCapacity(c, offset);
      if (sum >= q) return true;
    }
    return false;
  };
  let lo = Math.min(...ranked.map((r) => r.c.factory.leadTimeDays));
  let hi = Math.min(best.offset - 1, horizon);
  if (ranked.length > 1 && lo <= hi && coverBy(hi)) {
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (coverBy(mid)) hi = mid;
      else lo = mid + 1;
    }
    const splitOffset = hi;
    const fillOrder = [...ranked]
      .map((r) => r.c)
      .sort((a, b) => {
        const d = firstUnitOffset(a) - firstUnitOffset(b);
        return d !== 0 ? d : compareTieBreakers(a, b);
      });
    const parts: { c: Candidate; units: number }[] = [];
    let remaining = q;
    for (const c of fillOrder) {
      if (remaining === 0) break;
      const units = Math.min(remaining, roundedCapacity(c, splitOffset));
      if (units > 0) {
        parts.push({ c, units });
        remaining -= units;
      }
    }
    if (remaining !== 0)
      throw new Error(`routing invariant broken: ${remaining} units of ${line.skuId} left over`);
    const wholeDate = best.offset <= horizon ? dateOf(best.offset) : null;
    const splitDate = dateOf(splitOffset);
    return parts.map(({ c, units }, part) => {
      const offset = shipOffset(c, units);
      return {
        candidate: c,
        quantity: units,
        offset,
        reasonCode: 'split_capacity',
        text:
          `${line.skuId} ${units} of ${q} (split ${part + 1}/${parts.length}): ` +
          `the best single factory ships all ${q} ${wholeDate ? `by ${wholeDate}` : 'after 9999-12-31'}, ` +
          `split they all ship by ${splitDate}; ` +
          describeFactory(c, units, dateOf(offset)),
        split: {
          part,
          parts: parts.length,
          lineQuantity: q,
          wholeLineShipDate: wholeDate,
          splitShipDate: splitDate,
        },
      };
    });
  }

  if (best.offset > horizon) return null;
  const c = best.c;
  const shipDate = dateOf(best.offset);
  let reasonCode: RoutingReasonCode;
  let why: string;
  if (!runnerUp) {
    reasonCode = 'only_candidate';
    why = 'the only factory that makes it';
  } else if (runnerUp.offset > best.offset) {
    reasonCode = 'earliest_ship_date';
    why = `earliest ship date ${shipDate} (next: ${runnerUp.c.factory.id} ${runnerUp.offset > horizon ? 'beyond the horizon' : dateOf(runnerUp.offset)})`;
  } else if (runnerUp.c.priority !== c.priority) {
    reasonCode = 'priority_tie';
    why = `tied on ship date ${shipDate} with ${runnerUp.c.factory.id}; lower priority ${c.priority} < ${runnerUp.c.priority}`;
  } else if (runnerUp.c.sameRegion !== c.sameRegion) {
    reasonCode = 'region_tie';
    why = `tied on ship date ${shipDate} and priority ${c.priority} with ${runnerUp.c.factory.id}; in the ship-to region ${c.factory.region}`;
  } else {
    reasonCode = 'factory_id_tie';
    why = `tied on ship date ${shipDate}, priority ${c.priority} and region with ${runnerUp.c.factory.id}; first by factory id`;
  }
  return [
    {
      candidate: c,
      quantity: q,
      offset: best.offset,
      reasonCode,
      text: `${line.skuId} ×${q}: ${why}; ${describeFactory(c, q, shipDate)}`,
    },
  ];
}

/**
 * Assigns every priced line of an order to the partner factories that will make and ship it.
 * Throws a `RangeError` when `orderDate` is not a `YYYY-MM-DD` calendar date or a
 * `queuedUnits` value is not a non-negative safe integer.
 */
export function routeOrder(input: RoutingInput): RoutingResult {
  const orderDay = parseDay(input.orderDate);
  if (orderDay === null)
    throw new RangeError(`orderDate "${input.orderDate}" is not a YYYY-MM-DD calendar date`);
  const horizon = MAX_DAY_NUMBER - orderDay;

  const queues = new Map<string, number>();
  for (const [factoryId, units] of Object.entries(input.queuedUnits ?? {})) {
    if (!Number.isSafeInteger(units) || units < 0) {
      throw new RangeError(`queuedUnits["${factoryId}"] must be a non-negative integer, got ${units}`);
    }
    queues.set(factoryId, units);
  }

  const factoriesById = new Map<string, Factory>();
  for (const f of input.catalog.factories) if (!factoriesById.has(f.id)) factoriesById.set(f.id, f);
  const offersById = new Map<string, Offer>();
  for (const o of input.catalog.offers) if (!offersById.has(o.id)) offersById.set(o.id, o);

  const byFactory = new Map<string, RoutedLine[]>();
  const unassigned: UnassignedLine[] = [];
  const reject = (line: RoutableLine, code: UnassignedCode, text: string): void => {
    unassigned.push({
      lineIndex,
      skuId: line.skuId,
      offerId: line.offerId,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineTotal: line.lineTotal,
      reason: { code, text },
    });
  };

  let lineIndex = -1;
  for (const line of input.lines) {
    lineIndex += 1;
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      reject(line, 'invalid_line', `${line.skuId}: quantity ${line.quantity} is not a positive integer`);
      continue;
    }
    if (!Number.isSafeInteger(line.lineTotal) || line.lineTotal < 0) {
      reject(
        line,
        'invalid_line',
        `${line.skuId}: line total ${line.lineTotal} is not a non-negative integer`,
      );
      continue;
    }
    const offer = offersById.get(line.offerId);
    if (!offer) {
      reject(line, 'unknown_offer', `${line.skuId}: offer ${line.offerId} is not in the catalog`);
      continue;
    }
    if (!offer.skus.some((s) => s.id === line.skuId)) {
      reject(line, 'unknown_sku', `${line.skuId}: not a SKU of offer ${offer.id}`);
      continue;
    }
    const candidates = candidatesFor(offer, line.skuId, factoriesById, queues, input.shipTo.region);
    if (candidates.length === 0) {
      reject(line, 'no_factory', `${line.skuId}: no factory with capacity in the catalog makes this SKU`);
      continue;
    }
    const step = stepFor(offer, line.skuId, line.quantity);
    const parts = assignLine(line, step, candidates, orderDay, horizon);
    if (!parts) {
      reject(
        line,
        'beyond_horizon',
        `${line.skuId}: no factory can ship ${line.quantity} units by 9999-12-31`,
      );
      continue;
    }
    const totals =
      parts.length === 1
        ? [line.lineTotal]
        : allocateByWeight(
            line.lineTotal,
            parts.map((p) => p.quantity),
          );
    parts.forEach((p, i) => {
      const c = p.candidate;
      const estimatedShipDate = formatDay(orderDay + p.offset);
      const reason: LineRoutingReason = {
        code: p.reasonCode,
        text: p.text,
        factoryId: c.factory.id,
        estimatedShipDate,
        leadTimeDays: c.factory.leadTimeDays,
        dailyCapacity: c.factory.dailyCapacity,
        queuedBefore: c.queued,
        priority: c.priority,
        sameRegion: c.sameRegion,
        candidates: candidates.length,
        runnerUp: runnerUpOf(candidates, c, line.quantity, orderDay, horizon),
        ...(p.split ? { split: p.split } : {}),
      };
      const routed: RoutedLine = {
        lineIndex,
        skuId: line.skuId,
        offerId: line.offerId,
        quantity: p.quantity,
        unitPrice: line.unitPrice,
        lineTotal: totals[i] ?? 0,
        estimatedShipDate,
        reason,
      };
      const list = byFactory.get(c.factory.id);
      if (list) list.push(routed);
      else byFactory.set(c.factory.id, [routed]);
      queues.set(c.factory.id, c.queued + p.quantity);
    });
  }

  const factoryOrders = [...byFactory.entries()]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([factoryId, lines]): RoutedFactoryOrder => {
      const codes = new Set(lines.map((l) => l.reason.code));
      const [onlyCode] = codes;
      return {
        factoryId,
        lines,
        subtotal: lines.reduce((sum, l) => sum + l.lineTotal, 0),
        estimatedShipDate: lines.map((l) => l.estimatedShipDate).reduce((a, b) => (b > a ? b : a)),
        reason: {
          code: codes.size === 1 && onlyCode !== undefined ? onlyCode : 'mixed',
          text: lines.map((l) => l.reason.text).join('\n'),
        },
      };
    });
  return { factoryOrders, unassigned };
}

/** The best whole-line alternative to `chosen` among `candidates` (their queues before this line). */
function runnerUpOf(
  candidates: readonly Candidate[],
  chosen: Candidate,
  quantity: number,
  orderDay: number,
  horizon: number,
): LineRoutingReason['runnerUp'] {
  let best: { c: Candidate; offset: number } | null = null;
  for (const c of candidates) {
    if (c.factory.id === chosen.factory.id) continue;
    const offset = shipOffset(c, quantity);
    if (!best || offset < best.offset || (offset === best.offset && compareTieBreakers(c, best.c) < 0)) {
      best = { c, offset };
    }
  }
  if (!best || best.offset > horizon) return null;
  return { factoryId: best.c.factory.id, estimatedShipDate: formatDay(orderDay + best.offset) };
}
