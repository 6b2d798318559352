import { msg } from '@lit/localize';

/**
 * The sales unit for people, in the page's text language: `piece` → `件` / `pcs`, `pair` → `双` /
 * `pairs`. A unit Chainkit has no word for is shown as the merchant wrote it.
 */
export function unitLabel(unit: string): string {
  switch (unit) {
    case 'piece':
      return msg('pcs', { id: 'catalog.unit.piece' });
    case 'pair':
      return msg('pairs', { id: 'catalog.unit.pair' });
    case 'set':
      return msg('sets', { id: 'catalog.unit.set' });
    case 'box':
      return msg('boxes', { id: 'catalog.unit.box' });
    case 'dozen':
      return msg('dozen', { id: 'catalog.unit.dozen' });
    case 'kg':
      return msg('kg', { id: 'catalog.unit.kg' });
    case 'm':
    case 'metre':
    case 'meter':
      return msg('m', { id: 'catalog.unit.metre' });
    default:
      return unit;
  }
}
