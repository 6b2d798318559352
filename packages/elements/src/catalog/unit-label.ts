import { msg } from '@lit/localize';

/**
 * The sales unit for people, in the page's text language: `piece` → `件` / `pcs`, `pair` → `双` /
 * `pairs`. A unit Chainkit has no word for is shown as the merchant wrote it.
 */
export function unitLabel(unit: string): string {
  return unit === 'piece'
    ? msg('pcs', { id: 'catalog.unit.piece' })
    : unit === 'pair'
      ? msg('pairs', { id: 'catalog.unit.pair' })
      : unit === 'set'
        ? msg('sets', { id: 'catalog.unit.set' })
        : unit === 'box'
          ? msg('boxes', { id: 'catalog.unit.box' })
          : unit === 'dozen'
            ? msg('dozen', { id: 'catalog.unit.dozen' })
            : unit === 'kg'
              ? msg('kg', { id: 'catalog.unit.kg' })
              : /^m(et(re|er))?$/.test(unit)
                ? msg('m', { id: 'catalog.unit.metre' })
                : unit;
}
