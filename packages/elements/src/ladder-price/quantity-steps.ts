import type { QuantityRules } from '@chainkit/core';

/**
 * The quantities a stepper may offer under some quantity rules: multiples of `step` from
 * `min` (the MOQ rounded up to the step) to `max` (the cap rounded down to the step, or no cap).
 */
export interface QuantityBounds {
  readonly min: number;
  readonly step: number;
  /** `null` when there is no cap. */
  readonly max: number | null;
}

const positiveInt = (value: number | null | undefined, fallback: number): number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : fallback;

/**
 * The bounds for `rules`. Rules a validated catalog never has (step 0, a cap below the MOQ) are
 * read leniently: the step falls back to 1, and a cap below the smallest valid quantity is ignored
 * rather than leaving nothing to choose.
 */
export function quantityBounds(rules: QuantityRules): QuantityBounds {
  const step = positiveInt(rules.step, 1);
  const moq = positiveInt(rules.moq, 1);
  const min = Math.ceil(moq / step) * step;
  // No cap (or an invalid one) reads as 0, below any minimum.
  const max = Math.floor(positiveInt(rules.max, 0) / step) * step;
  return { min, step, max: max >= min ? max : null };
}

/**
 * `bounds` capped, when they have no lower cap, at the largest quantity whose total at `unitPrice`
 * (the first tier's, the highest) is still a safe integer: core's quote refuses larger ones, so a
 * stepper must not offer them.
 */
export function priceableBounds(bounds: QuantityBounds, unitPrice = 0): QuantityBounds {
  const largest = Math.floor(Number.MAX_SAFE_INTEGER / Math.max(1, unitPrice) / bounds.step) * bounds.step;
  return largest >= bounds.min && largest < (bounds.max ?? Infinity) ? { ...bounds, max: largest } : bounds;
}

/**
 * The valid quantity nearest to `value`: rounded to the nearest multiple of the step (halves go
 * up), then kept within the bounds. Anything that is not a finite number gives the minimum.
 */
export function snapQuantity(value: number, bounds: QuantityBounds): number {
  if (!Number.isFinite(value)) return bounds.min;
  const rounded = Math.round(value / bounds.step) * bounds.step;
  const low = Math.max(bounds.min, rounded);
  return bounds.max === null ? low : Math.min(bounds.max, low);
}

/** `steps` steps from `value` (snapped first; negative: down), never past the bounds. */
export function stepBy(value: number, steps: number, bounds: QuantityBounds): number {
  return snapQuantity(snapQuantity(value, bounds) + steps * bounds.step, bounds);
}

/** One step up from `value` (snapped first), never past the cap. */
export function stepUp(value: number, bounds: QuantityBounds): number {
  return stepBy(value, 1, bounds);
}

/** One step down from `value` (snapped first), never below the minimum. */
export function stepDown(value: number, bounds: QuantityBounds): number {
  return stepBy(value, -1, bounds);
}

/** Whether − can do anything: the quantity is above the minimum. */
export function canStepDown(value: number, bounds: QuantityBounds): boolean {
  return snapQuantity(value, bounds) > bounds.min;
}

/** Whether + can do anything: there is no cap, or the quantity is below it. */
export function canStepUp(value: number, bounds: QuantityBounds): boolean {
  return bounds.max === null || snapQuantity(value, bounds) < bounds.max;
}
