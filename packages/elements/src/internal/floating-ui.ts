/**
 * `PlacementController`'s placement in browsers without CSS anchor positioning (the others never
 * fetch it), as one module the controller imports on demand: `@floating-ui/dom`'s `offset`,
 * `flip` and `shift` middleware, run by `computePosition` from `@floating-ui/core` (the engine
 * the DOM package wraps) with a platform of its own. The DOM package's `computePosition` always
 * carries the DOM platform, even when given another.
 *
 * Why: the controller's popups are fixed-positioned in the popover top layer, so the anchor and
 * the popup are both measured in the viewport and the viewport is the only clipping box. The DOM
 * platform's work for the general case (offset parents, scroll and clipping ancestors, transforms
 * and scale) does not apply, and it weighs: this chunk is 2.8 KB brotli without it, 5.2 KB with it.
 * Not `autoUpdate` nor the `arrow` middleware either: the controller's own listeners and arrow
 * code, which the CSS path needs anyway, do their work for less.
 */
import { computePosition, type Platform } from '@floating-ui/core';
import { flip, offset, shift, type Placement } from '@floating-ui/dom';

const box = (element: Element): { x: number; y: number; width: number; height: number } => {
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x, y, width, height };
};

/** A platform for a fixed-position popup in the top layer (see the module comment). */
const topLayer: Platform = {
  getElementRects: ({ reference, floating }) => ({
    reference: box(reference as Element),
    floating: { ...box(floating as Element), x: 0, y: 0 },
  }),
  getDimensions: (element: Element) => box(element),
  getClippingRect: () => {
    const { clientWidth, clientHeight } = document.documentElement;
    return { x: 0, y: 0, width: clientWidth, height: clientHeight };
  },
  isRTL: (element: Element) => getComputedStyle(element).direction == 'rtl',
};

/**
 * Places `floating` next to `anchor` once (`left`/`top` in px, fixed positioning), makes it
 * visible, and returns the placement used after flipping.
 */
export async function place(
  anchor: Element,
  floating: HTMLElement,
  preferred: Placement,
  distance: number,
  padding: number,
): Promise<Placement> {
  const { x, y, placement } = await computePosition(anchor, floating, {
    placement: preferred,
    strategy: 'fixed',
    platform: topLayer,
    middleware: [offset(distance), flip({ padding }), shift({ padding })],
  });
  Object.assign(floating.style, {
    left: `${Math.round(x)}px`,
    top: `${Math.round(y)}px`,
    opacity: '',
    pointerEvents: '',
  });
  return placement;
}

/**
 * Calls `onMove` when `anchor` moves in the viewport, whatever moved it (scrolling, or a layout
 * shift no event reports: content above it growing, a style change), as `autoUpdate`'s
 * `layoutShift` does: an IntersectionObserver whose root the `rootMargin` shrinks to the anchor's
 * box, so that any move changes the visible fraction. Returns the cleanup.
 */
export function observeMove(anchor: Element, onMove: () => void): () => void {
  let io: IntersectionObserver | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = (): void => {
    clearTimeout(timer);
    io?.disconnect();
  };
  const moved = (threshold?: number): void => {
    onMove();
    watch(threshold);
  };
  // `threshold`: the fraction of the anchor visible when the box was taken (partly off-screen).
  const watch = (threshold = 1): void => {
    stop();
    const box = anchor.getBoundingClientRect();
    const { left, top, width, height } = box;
    if (!width || !height) return;
    const { clientWidth, clientHeight } = document.documentElement;
    let first = true;
    io = new IntersectionObserver(
      ([entry]) => {
        const ratio = entry!.intersectionRatio;
        const now = anchor.getBoundingClientRect();
        // The entry may predate a move that already happened (a shift over several frames).
        if (now.x != box.x || now.y != box.y || now.width != width || now.height != height) moved();
        else if (ratio != threshold) {
          // The first report tells how much of the anchor is on-screen: watch that fraction; none
          // (clipped where it is): look again in a second rather than loop.
          if (!first) moved();
          else if (ratio) moved(ratio);
          else timer = setTimeout(moved, 1000, 1e-7);
        }
        first = false;
      },
      {
        root: document,
        rootMargin: [top, clientWidth - left - width, clientHeight - top - height, left]
          .map((inset) => `${-Math.floor(inset)}px`)
          .join(' '),
        threshold: Math.max(0, Math.min(1, threshold)) || 1,
      },
    );
    io.observe(anchor);
  };
  // The root shrinks to a box in the old viewport: take the box again in the new one.
  const resized = (): void => watch();
  addEventListener('resize', resized);
  watch();
  return () => {
    removeEventListener('resize', resized);
    stop();
  };
}
