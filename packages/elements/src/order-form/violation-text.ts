import type { Violation } from '@chainkit/core';
import { msg, str } from '@lit/localize';

/** Formats a count for the reader's locale (`1,000`): core's `countFormat(locale)`. */
export type CountFormat = (n: number) => string;

/**
 * What a violation means, as a sentence for the buyer. Used at the cell (`atCell`: short, the
 * SKU is implied by where it is shown) and for the offer as a whole.
 */
export function violationText(violation: Violation, n: CountFormat, atCell = false): string {
  switch (violation.code) {
    case 'not_multiple_of_step':
      return msg(str`Order in multiples of ${n(violation.step)}`, { id: 'orderForm.violation.step' });
    case 'below_moq':
      return atCell || violation.skuId !== undefined
        ? msg(str`At least ${n(violation.moq)} of this item`, { id: 'orderForm.violation.skuMoq' })
        : msg(str`Minimum order is ${n(violation.moq)} in total; you have ${n(violation.quantity)}`, {
            id: 'orderForm.violation.moq',
          });
    case 'above_max':
      return atCell || violation.skuId !== undefined
        ? msg(str`At most ${n(violation.max)} of this item`, { id: 'orderForm.violation.skuMax' })
        : msg(str`At most ${n(violation.max)} in total; you have ${n(violation.quantity)}`, {
            id: 'orderForm.violation.max',
          });
    case 'invalid_quantity':
      return msg('Enter a whole number', { id: 'orderForm.violation.invalidQuantity' });
    case 'unknown_sku':
      return msg('This item is no longer sold', { id: 'orderForm.violation.unknownSku' });
    case 'currency_mismatch':
      return msg(str`Prices are in ${violation.actual}, not ${violation.expected}`, {
        id: 'orderForm.violation.currency',
      });
  }
}
