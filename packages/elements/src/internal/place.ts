/**
 * Where a popup goes next to its anchor, in viewport px (for `position: fixed` in the top layer).
 * The few rules Chainkit's popups need, in place of a positioning library (which would be most
 * of a shop page's size budget): a side and alignment, a gap, flipping to the opposite side when
 * the preferred one has less room, shifting along the side to stay `padding` px inside the
 * viewport, and an optional arrow pointing at the anchor's middle.
 */

export type Side = 'top' | 'right' | 'bottom' | 'left';
/** A side, optionally aligned to the anchor's start or end edge (`bottom-start`). */
export type Placement = Side | `${Side}-${'start' | 'end'}`;

/** A box in viewport px. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The result of {@link place}. */
export interface Placed {
  readonly x: number;
  readonly y: number;
  /** The placement used, after flipping. */
  readonly placement: Placement;
  /** The arrow's offset along the popup's edge (x for top/bottom, y for left/right), if asked for. */
  readonly arrow?: number;
}

const OPPOSITE: Record<Side, Side> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };

const clamp = (value: number, min: number, max: number): number => Math.max(min, Math.min(value, max));

/**
 * Places a `popup`-sized box next to `anchor` inside a `viewport` (width, height) at `placement`,
 * `distance` px away, flipping and shifting as described above. `arrowSize` is the arrow's
 * length along the edge, when there is one.
 */
export function place(
  anchor: Box,
  popup: { readonly width: number; readonly height: number },
  viewport: { readonly width: number; readonly height: number },
  options: { placement: Placement; distance: number; padding: number; arrowSize?: number },
): Placed {
  const { distance, padding } = options;
  const [preferred, align] = options.placement.split('-') as [Side, 'start' | 'end' | undefined];
  /** Room left on a side once the popup is there (negative: it sticks out). */
  const room = (side: Side): number => {
    switch (side) {
      case 'top':
        return anchor.top - distance - popup.height - padding;
      case 'bottom':
        return viewport.height - (anchor.top + anchor.height + distance + popup.height) - padding;
      case 'left':
        return anchor.left - distance - popup.width - padding;
      case 'right':
        return viewport.width - (anchor.left + anchor.width + distance + popup.width) - padding;
    }
  };
  let side = preferred;
  if (room(side) < 0 && room(OPPOSITE[side]) > room(side)) side = OPPOSITE[side];

  const vertical = side === 'top' || side === 'bottom';
  // Along the side: start, end or centre of the anchor, then kept inside the viewport.
  const [start, length, size, span] = vertical
    ? [anchor.left, anchor.width, popup.width, viewport.width]
    : [anchor.top, anchor.height, popup.height, viewport.height];
  const aligned =
    align === 'start' ? start : align === 'end' ? start + length - size : start + (length - size) / 2;
  const along = clamp(aligned, padding, Math.max(padding, span - size - padding));
  const across =
    side === 'top'
      ? anchor.top - distance - popup.height
      : side === 'bottom'
        ? anchor.top + anchor.height + distance
        : side === 'left'
          ? anchor.left - distance - popup.width
          : anchor.left + anchor.width + distance;
  const placement = (align ? `${side}-${align}` : side) as Placement;
  const arrow =
    options.arrowSize === undefined
      ? undefined
      : clamp(start + length / 2 - along - options.arrowSize / 2, 4, size - options.arrowSize - 4);
  return {
    x: vertical ? along : across,
    y: vertical ? across : along,
    placement,
    ...(arrow === undefined ? {} : { arrow }),
  };
}
