import { grid, GridLayout } from '@lit-labs/virtualizer/layouts/grid.js';

/** The grid layout's options (`itemSize`, `gap`, `flex`, …), as `grid()` takes them. */
export type CatalogGridConfig = NonNullable<Parameters<typeof grid>[0]>;

/**
 * How far beyond the viewport cards are rendered, in px (the virtualizer's default is 1,000).
 * About one row of cards: enough to have the next row ready while the buyer scrolls, while the
 * first render — the one the buyer waits for — makes a third fewer cards than the default.
 */
export const CATALOG_OVERHANG_PX = 300;

/** The virtualizer's grid layout, rendering {@link CATALOG_OVERHANG_PX} beyond the viewport. */
export class CatalogGridLayout extends GridLayout {
  constructor(...args: ConstructorParameters<typeof GridLayout>) {
    super(...args);
    this._overhang = CATALOG_OVERHANG_PX;
  }
}

/** A layout specifier for the virtualizer, like `grid(config)` but with {@link CatalogGridLayout}. */
export function catalogGrid(
  config: CatalogGridConfig,
): CatalogGridConfig & { type: typeof CatalogGridLayout } {
  return { ...config, type: CatalogGridLayout };
}
