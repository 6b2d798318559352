import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GridGeometry } from './grid-geometry.js';

/**
 * How far beyond the viewport cards are rendered, in px: about one row of cards, enough to have
 * the next row ready while the buyer scrolls, while the first render — the one the buyer waits
 * for — stays small.
 */
export const CATALOG_OVERHANG_PX = 300;

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
  const { columns, cardHeight, gap } = geometry;
  const rows = Math.ceil(count / columns);
  const pitch = cardHeight + gap;
  if (rows === 0 || !(pitch > 0)) return { first: 0, end: count, before: 0, after: 0 };
  const firstRow = Math.min(rows - 1, Math.max(0, Math.floor(top / pitch)));
  const endRow = Math.max(firstRow + 1, Math.min(rows, Math.floor(bottom / pitch) + 1));
  return {
    first: firstRow * columns,
    end: Math.min(count, endRow * columns),
    before: firstRow * pitch,
    after: (rows - endRow) * pitch,
  };
}

/** What {@link GridWindow} reads from its host. */
export interface GridWindowOptions {
  /** The list of cards; it is the scroll box when `scroller()` is true. */
  readonly list: () => HTMLElement | null;
  /** Whether the list scrolls itself (else it scrolls with the page or an ancestor). */
  readonly scroller: () => boolean;
}

/**
 * Windowing for the catalog's grid: which cards to render, given the scroll position. Every card
 * has the same size (grid-geometry.ts), so the rows in view follow from arithmetic alone and the
 * cards never need measuring: the host renders cells `first`..`end` into a CSS grid, with the
 * rows before and after them as padding, so the list is as tall as all its rows from the start.
 *
 * It watches scrolling (of the list when it scrolls itself; of the page and its light-DOM scroll
 * boxes otherwise) and the viewport's size, and asks the host to render again only when the rows
 * in view (plus half the overhang) are no longer all rendered, so scrolling within the overhang
 * costs no render.
 */
export class GridWindow implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: GridWindowOptions;
  #count = 0;
  #geometry: GridGeometry | undefined;
  #rendered: WindowRange = { first: 0, end: 0, before: 0, after: 0 };
  #scrollBox: HTMLElement | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: GridWindowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The range of the last render. */
  get rendered(): WindowRange {
    return this.#rendered;
  }

  /** The range to render now for `count` cells; call it from `render()`. */
  range(count: number, geometry: GridGeometry): WindowRange {
    this.#count = count;
    this.#geometry = geometry;
    this.#rendered = this.#needed(CATALOG_OVERHANG_PX);
    return this.#rendered;
  }

  hostConnected(): void {
    // Capture: `scroll` does not bubble, so this hears every light-DOM scroll box as well.
    addEventListener('scroll', this.#check, { capture: true, passive: true });
    addEventListener('resize', this.#check, { passive: true });
  }

  hostDisconnected(): void {
    removeEventListener('scroll', this.#check, { capture: true });
    removeEventListener('resize', this.#check);
    this.#listen(null);
  }

  hostUpdated(): void {
    this.#listen(this.#options.scroller() ? this.#options.list() : null);
    // The first render guessed where the list is (it did not exist yet); check against the real one.
    this.#check();
  }

  /** Listens to the list's own scrolling while it scrolls itself (not heard on the window). */
  #listen(box: HTMLElement | null): void {
    if (box === this.#scrollBox) return;
    this.#scrollBox?.removeEventListener('scroll', this.#check);
    box?.addEventListener('scroll', this.#check, { passive: true });
    this.#scrollBox = box;
  }

  /** The rows in view, plus `overhang` px above and below. */
  #needed(overhang: number): WindowRange {
    const geometry = this.#geometry;
    if (!geometry) return { first: 0, end: 0, before: 0, after: 0 };
    const list = this.#options.list();
    let top: number;
    let bottom: number;
    if (list && this.#options.scroller()) {
      top = list.scrollTop;
      bottom = top + list.clientHeight;
    } else {
      // Before the list exists, the host's top stands in for it (rendering a little more).
      const offset = (list ?? this.#host).getBoundingClientRect().top + (list?.clientTop ?? 0);
      top = -offset;
      bottom = innerHeight - offset;
    }
    return windowRange(this.#count, geometry, top - overhang, bottom + overhang);
  }

  readonly #check = (): void => {
    if (!this.#geometry || this.#count === 0) return;
    const needed = this.#needed(CATALOG_OVERHANG_PX / 2);
    const rendered = this.#rendered;
    if (needed.first < rendered.first || needed.end > rendered.end) this.#host.requestUpdate();
  };
}
