/**
 * Geometry of the catalog grid. The windowed grid (grid-window.ts) finds the rows in view from a
 * fixed card size (it never measures cards), so the size is computed here: as many columns of at
 * least the minimum card width as fit, cards sharing the width equally, every card as tall as the
 * skeleton. Fixed sizes keep positions exact from the first frame, so nothing shifts when cards
 * replace skeletons or when images load. Sizes are whole pixels, the same for skeletons and cards.
 */

/** Where the cards go. */
export interface GridGeometry {
  readonly columns: number;
  /** Card width in whole px. */
  readonly cardWidth: number;
  /** Card height in whole px, rounded up from the measured height (0 while unknown). */
  readonly cardHeight: number;
  /** Space between cards, both ways, in px. */
  readonly gap: number;
}

/** How many cards of at least `minCardWidth` fit in `width` with `gap` between them (at least 1). */
export function columnsFor(width: number, minCardWidth: number, gap: number): number {
  return minCardWidth > 0 ? Math.max(1, Math.floor((width + gap) / (minCardWidth + gap))) || 1 : 1;
}

/**
 * The geometry for a content `width`: `columns` fixed (the list layout) or as many as fit, cards
 * sharing the width equally, rounded to whole pixels.
 */
export function gridGeometry(
  width: number,
  options: { minCardWidth: number; gap: number; cardHeight: number; columns?: number | undefined },
): GridGeometry {
  const gap = Math.max(0, options.gap);
  const columns = options.columns ?? columnsFor(width, options.minCardWidth, gap);
  const cardWidth = Math.max(1, Math.round((Math.max(0, width) - gap * (columns - 1)) / columns));
  return { columns, cardWidth, cardHeight: Math.ceil(Math.max(0, options.cardHeight)), gap };
}
