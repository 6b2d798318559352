/**
 * `PlacementController`'s placement in browsers without CSS anchor positioning (the others never
 * fetch it), with the part of `@floating-ui/dom` it uses, as one module the controller imports on
 * demand: a dynamic `import('@floating-ui/dom')` keeps the whole package (every middleware,
 * `platform`, `detectOverflow`…), while named imports let the bundler drop the rest; and the code
 * that calls floating-ui stays out of the page's first load with it.
 */
import { arrow, computePosition, flip, offset, shift, type Placement } from '@floating-ui/dom';

export { autoUpdate } from '@floating-ui/dom';

/**
 * Places `floating` next to `anchor` once (`left`/`top` in px, fixed positioning) and makes it
 * visible, points `arrowEl` at the anchor, and returns the placement used after flipping.
 */
export async function place(
  anchor: Element,
  floating: HTMLElement,
  arrowEl: HTMLElement | null | undefined,
  preferred: Placement,
  distance: number,
  padding: number,
): Promise<Placement> {
  const { x, y, placement, middlewareData } = await computePosition(anchor, floating, {
    placement: preferred,
    strategy: 'fixed',
    middleware: [
      offset(distance),
      flip({ padding }),
      shift({ padding }),
      arrowEl && arrow({ element: arrowEl, padding: 4 }),
    ],
  });
  Object.assign(floating.style, {
    left: `${Math.round(x)}px`,
    top: `${Math.round(y)}px`,
    opacity: '',
    pointerEvents: '',
  });
  const at = middlewareData.arrow;
  if (arrowEl && at) {
    arrowEl.style.left = at.x === undefined ? '' : `${at.x}px`;
    arrowEl.style.top = at.y === undefined ? '' : `${at.y}px`;
  }
  return placement;
}
