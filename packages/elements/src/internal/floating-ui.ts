/**
 * `PlacementController`'s placement in browsers without CSS anchor positioning (the others never
 * fetch it), with the part of `@floating-ui/dom` it uses, as one module the controller imports on
 * demand: a dynamic `import('@floating-ui/dom')` keeps the whole package (every middleware,
 * `platform`, `detectOverflow`…), while named imports let the bundler drop the rest; and the code
 * that calls floating-ui stays out of the page's first load with it. Not `autoUpdate` nor the
 * `arrow` middleware: the controller's own listeners and arrow code, which the CSS path needs
 * anyway, do their work for less.
 */
import { computePosition, flip, offset, shift, type Placement } from '@floating-ui/dom';

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
