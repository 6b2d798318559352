import type { GridGeometry } from './grid-geometry.js';

/**
 * Windowing for the catalog's grid. Every card has the same size (grid-geometry.ts), so the rows
 * in view follow from arithmetic alone and the cards never need measuring: the catalog renders
 * cells `first`..`end` into a CSS grid, with the rows before and after them as padding, so the
 * list is as tall as all its rows from the start.
 */

/** The cells to render and the space the rows before and after them take. */
export interface WindowRange {
  /** Index of the first cell rendered. */
  readonly first: number;
  /** Index after the last cell rendered. */
  readonly end: number;
  /** Height of the rows before `first`, in px. */
  readonly before: number;
  /** Height of the rows after `end`, in px. */
  readonly after: number;
}

/**
 * The whole rows of `count` cells laid out by `geometry` that meet the band `top`..`bottom`
 * (px from the top of the list), and the space of the rows around them. Pure, for the tests.
 */
export function windowRange(count: number, geometry: GridGeometry, top: number, bottom: number): WindowRange {
  const { columns } = geometry;
  const rows = Math.ceil(count / columns);
  const pitch = geometry.cardHeight + geometry.gap;
  if (!rows || !(pitch > 0)) return { first: 0, end: count, before: 0, after: 0 };
  const firstRow = Math.min(rows - 1, Math.max(0, Math.floor(top / pitch)));
  const endRow = Math.max(firstRow + 1, Math.min(rows, Math.floor(bottom / pitch) + 1));
  return {
    first: firstRow * columns,
    end: Math.min(count, endRow * columns),
    before: firstRow * pitch,
    after: (rows - endRow) * pitch,
  };
}
