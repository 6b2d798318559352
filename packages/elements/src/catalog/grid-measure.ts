import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cssLengthToPx } from './css-length.js';
import { gridGeometry, type GridGeometry } from './grid-geometry.js';

/** Narrowest grid card (11rem at 16px) when `--chain-catalog-card-min-width` is not set. */
const DEFAULT_CARD_MIN_WIDTH = 176;
/** Space between cards (0.75rem at 16px) when `--chain-catalog-gap` is not set. */
const DEFAULT_GAP = 12;

type Host = ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean };

/** What {@link GridMeasure} reads from its host. */
export interface GridMeasureOptions {
  /** One column (the list layout) or as many as fit. */
  readonly list: () => boolean;
  /** The hidden sample card of the current layout, whose height every card takes. */
  readonly probe: () => HTMLElement | null;
  /** The element whose content width the cards share: the list when it scrolls itself. */
  readonly box: () => HTMLElement;
}

/**
 * Measures the catalog's grid: the content width, the `--chain-catalog-card-min-width` and
 * `--chain-catalog-gap` properties, and the height of a hidden sample card (the probe), and
 * turns them into the geometry both the skeletons and the windowed grid of cards are laid out with.
 *
 * It measures after the host's first render (the probe exists from then on; the host renders
 * again before the first paint) and whenever the host or a probe is resized (fonts, themes,
 * width), one frame later so re-rendering never happens inside the ResizeObserver callback.
 * Call `measure()` from `willUpdate` when the layout changes.
 */
export class GridMeasure implements ReactiveController {
  readonly #host: Host;
  readonly #options: GridMeasureOptions;
  #observer: ResizeObserver | undefined;
  #frame = 0;
  #geometry: GridGeometry | undefined;

  constructor(host: Host, options: GridMeasureOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Columns, card size and gap; `undefined` before the first measure. */
  get geometry(): GridGeometry | undefined {
    return this.#geometry;
  }

  /** Whether the card height is known, so cards can be laid out. */
  get ready(): boolean {
    return (this.#geometry?.cardHeight ?? 0) > 0;
  }

  hostConnected(): void {
    this.#observer ??= new ResizeObserver(() => {
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => {
        if (this.measure()) this.#host.requestUpdate();
      });
    });
    this.#observer.observe(this.#host);
    if (this.#host.hasUpdated) this.#observeProbes();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    cancelAnimationFrame(this.#frame);
  }

  hostUpdated(): void {
    if (this.ready) return;
    this.#observeProbes();
    if (this.measure()) this.#host.requestUpdate();
  }

  /** Measures and recomputes; returns whether the geometry changed. */
  measure(): boolean {
    const width = this.#options.box().clientWidth;
    if (!(width > 0)) return false;
    const cardHeight = this.#options.probe()?.getBoundingClientRect().height ?? 0;
    const style = getComputedStyle(this.#host);
    const fontSize = parseFloat(style.fontSize) || 16;
    const rootFontSize = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const px = (name: string, fallback: number): number =>
      cssLengthToPx(style.getPropertyValue(name), fontSize, rootFontSize, fallback);
    const geometry = gridGeometry(width, {
      minCardWidth: px('--chain-catalog-card-min-width', DEFAULT_CARD_MIN_WIDTH),
      gap: px('--chain-catalog-gap', DEFAULT_GAP),
      cardHeight,
      ...(this.#options.list() ? { columns: 1 } : {}),
    });
    // Four numbers: compared as one string.
    if (String(Object.values(geometry)) === String(Object.values(this.#geometry ?? {}))) return false;
    this.#geometry = geometry;
    return true;
  }

  #observeProbes(): void {
    const root = this.#host.shadowRoot;
    if (!root || !this.#observer) return;
    for (const probe of root.querySelectorAll('.probe')) this.#observer.observe(probe);
  }
}
