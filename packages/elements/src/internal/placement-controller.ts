import type { Placement } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type { Placement };

/**
 * floating-ui (`./floating-ui.ts`), fetched when a popup first opens in a browser without CSS
 * anchor positioning: most visits to a shop page never open one (the mixed-batch details, the cart
 * panel), and browsers with anchor positioning never need it, so no page's first load carries it.
 */
let floatingUi: Promise<typeof import('./floating-ui.js')> | undefined;
const loadFloatingUi = (): Promise<typeof import('./floating-ui.js')> =>
  (floatingUi ??= import('./floating-ui.js'));

let anchoringSupported: boolean | undefined;
/**
 * Whether popups are placed with CSS anchor positioning (`anchor-name`, `position-area`,
 * `position-try-fallbacks`, `anchor-center`: Chromium 128+, Safari 26+) rather than with
 * floating-ui: {@link PlacementController.nativeAnchoring} when a test set it, else what the
 * browser supports. Read each time a popup opens.
 */
export function usesCssAnchorPositioning(): boolean {
  // Chromium 125–127 named the fallbacks `position-try-options`: they keep floating-ui.
  return (
    PlacementController.nativeAnchoring ??
    (anchoringSupported ??=
      typeof CSS == 'object' &&
      CSS.supports('anchor-name:--a') &&
      CSS.supports('position-try-fallbacks:flip-block') &&
      CSS.supports('justify-self:anchor-center'))
  );
}

type Side = 'top' | 'right' | 'bottom' | 'left';
type Alignment = 'start' | 'end' | undefined;

/** Clockwise, so the opposite side is two along. */
const SIDES: readonly Side[] = ['top', 'right', 'bottom', 'left'];

/**
 * The insets (top right bottom left) of a popup on `SIDES[i]` of its anchor: the gap on the
 * anchor's side, the padding on the others (an inset shrinks the area a fallback must fit), from
 * the custom properties the controller sets on the popup.
 */
function insets(i: number): string[] {
  const inset = SIDES.map(() => 'var(--chain-pad)');
  inset[(i + 2) % 4] = 'var(--chain-gap)';
  return inset;
}

/** The stylesheet of {@link shiftRulesText}, made on the first native open. */
let shiftRules: CSSStyleSheet | undefined;

/**
 * The last fallbacks of the native path, floating-ui's `shift`, one per side: centred on the
 * anchor and kept inside the viewport by the padding (`anchor-center` slides back into its area
 * rather than overflow). `@position-try` rules, which only a stylesheet can hold, so the
 * controller adopts them into the popup's shadow root; the gap and padding come from custom
 * properties the controller sets on the popup.
 */
function shiftRulesText(): string {
  return SIDES.map(
    (side, i) =>
      `@position-try --chain-shift-${side}{position-area:${side};${i % 2 ? 'align' : 'justify'}-self:anchor-center;${
        i % 2 ? 'justify' : 'align'
      }-self:normal;inset:${insets(i).join(' ')}}`,
  ).join('');
}

/**
 * The native path's inline style for a placement, all physical (floating-ui's `start` is the
 * left edge, the right one in a right-to-left popup, for `top`/`bottom`; the top edge otherwise):
 * the `position-area` cell beside the anchor, the gap as the inset on the anchor's side, the
 * padding as the insets on the viewport's sides, and fallbacks in floating-ui's `flip` order
 * (other alignment, other side, both), then `shift`.
 */
function anchoredStyle(placement: Placement, rtl: boolean, gap: number, pad: number, name: string): string {
  const [side, alignment] = placement.split('-') as [Side, Alignment];
  const i = SIDES.indexOf(side);
  const vertical = i % 2 == 0;
  // The alignment axis's start and end edge, as indexes into SIDES.
  const start = vertical ? (rtl ? 1 : 3) : 0;
  const end = (start + 2) % 4;
  const inset = insets(i);
  // Start-aligned: the popup's start edge on the anchor's, its cell spanning towards the end.
  if (alignment) inset[alignment == 'start' ? start : end] = '0';
  const [alignFlip, sideFlip] = vertical ? ['flip-inline', 'flip-block'] : ['flip-block', 'flip-inline'];
  return `;position:fixed;margin:0;inset:${inset.join(' ')};position-anchor:${name};--chain-gap:${gap}px;--chain-pad:${pad}px;${
    alignment
      ? `position-area:${side} span-${SIDES[alignment == 'start' ? end : start]};justify-self:normal;align-self:normal;position-try-fallbacks:${alignFlip},${sideFlip},${sideFlip} ${alignFlip},--chain-shift-${side},--chain-shift-${SIDES[(i + 2) % 4]}`
      : `position-area:${side};${vertical ? 'justify' : 'align'}-self:anchor-center;position-try-fallbacks:${sideFlip}`
  }`;
}

/**
 * The placement the browser picked among the fallbacks, read from where the popup is: its side
 * of the anchor, and which edge it shares with it (the preferred alignment when shifted).
 */
function placementFromLayout(preferred: Placement, anchor: DOMRect, box: DOMRect, rtl: boolean): Placement {
  const [side, alignment] = preferred.split('-') as [Side, Alignment];
  const vertical = SIDES.indexOf(side) % 2 == 0;
  // The side of the anchor the popup's centre is on.
  const [before, after]: [Side, Side] = vertical ? ['top', 'bottom'] : ['left', 'right'];
  const placed = box[before] + box[after] >= anchor[before] + anchor[after] ? after : before;
  if (!alignment) return placed;
  const edges: [Side, Side] = vertical ? (rtl ? ['right', 'left'] : ['left', 'right']) : ['top', 'bottom'];
  const shares = (edge: Side): boolean => Math.abs(box[edge] - anchor[edge]) < 1;
  const [own, other] = alignment == 'start' ? edges : (edges.reverse() as [Side, Side]);
  return `${placed}-${!shares(own) && shares(other) ? (alignment == 'start' ? 'end' : 'start') : alignment}`;
}

/**
 * Points the arrow at the anchor's middle, both paths once the popup is placed: its `left` (popup
 * above or below) or `top` (beside), in the popup's padding box (its containing block), at least
 * 4 px from the popup's ends however far the popup was moved along.
 */
function pointArrow(
  arrowEl: HTMLElement,
  floating: HTMLElement,
  placement: Placement,
  at: DOMRect,
  box: DOMRect,
): void {
  const vertical = /^(top|bottom)/.test(placement);
  const size = vertical ? arrowEl.offsetWidth : arrowEl.offsetHeight;
  const middle = vertical ? at.left + at.width / 2 - box.left : at.top + at.height / 2 - box.top;
  const room = (vertical ? box.width : box.height) - size - 4;
  arrowEl.style.left = arrowEl.style.top = '';
  arrowEl.style[vertical ? 'left' : 'top'] =
    `${Math.round(Math.max(Math.min(middle - size / 2, room), 4) - (vertical ? floating.clientLeft : floating.clientTop))}px`;
}

let anchorNames = 0;

/** Options for {@link PlacementController}. */
export interface PlacementOptions {
  /** The element the popup is placed against (usually its toggle button). Read when opening. */
  anchor: () => Element | null | undefined;
  /**
   * The popup. Give it `popover="auto"` in the template so it opens in the top layer (above
   * any z-index, never clipped by `overflow` or transformed ancestors) with light dismiss
   * (Escape, click outside). Without the attribute (or in a browser without popovers) it is shown
   * with `hidden` and fixed positioning, placed in the viewport: an ancestor with a `transform`,
   * `filter` or `contain` would then be its containing block and misplace it.
   */
  floating: () => HTMLElement | null | undefined;
  /**
   * Optional arrow element inside the popup (absolutely positioned); the controller sets its
   * `left` (popup above or below) or `top` (beside) so it points at the anchor's middle.
   */
  arrow?: () => HTMLElement | null | undefined;
  /** Preferred side and alignment; flips to the other side when there is no room. Default `bottom-start`. */
  placement?: Placement;
  /** Gap between anchor and popup in px. Default 6. */
  distance?: number;
  /** Keep at least this many px between the popup and the viewport's edge. Default 8. */
  padding?: number;
  /** Called after the popup opened or closed (also when the browser closed it: Escape, click outside). */
  onOpenChange?: (open: boolean) => void;
}

/**
 * Opens, closes and places a popup (tooltip, popover, cart panel) next to an anchor, in the
 * browser's popover top layer for stacking.
 *
 * ```ts
 * // in the element:
 * readonly #popup = new PlacementController(this, {
 *   anchor: () => this.renderRoot.querySelector('#toggle'),
 *   floating: () => this.renderRoot.querySelector('#panel'),
 *   placement: 'bottom-end',
 * });
 * render() {
 *   return html`
 *     <button id="toggle" aria-expanded=${this.#popup.open} aria-controls="panel"
 *       @click=${() => this.#popup.toggle()}>…</button>
 *     <div id="panel" popover="auto" part="panel">…</div>`;
 * }
 * ```
 *
 * **Placement.** Where the browser has CSS anchor positioning ({@link usesCssAnchorPositioning}),
 * the controller names the anchor (`anchor-name: --chain-anchor-<n>`, one per controller) and
 * sets `position-anchor`, `position-area`, insets and `position-try-fallbacks` inline on the
 * popup: the browser places it, flips it to the other alignment or side when it does not fit
 * within `padding` of the viewport, slides it along the anchor as a last resort, and keeps it
 * placed on scroll and resize; floating-ui is never downloaded. (Unlike floating-ui, a popup
 * that flipped stays flipped while it still fits there.) Elsewhere floating-ui places it
 * (`offset`, `flip`, `shift`, measuring in the viewport; fetched on the first open), again on
 * scroll, resize, a change in the popup's or the anchor's size and any move of the anchor. On both paths the controller
 * points the arrow from where the anchor and the popup end up.
 *
 * - `show()` opens the popup (`showPopover()`), places it, and keeps it placed while open;
 *   `hide()` closes it and stops watching; `toggle()` switches. Disconnecting the host closes it too.
 * - `open` is the current state; the host re-renders whenever it changes, including when the
 *   browser closes an `auto` popover by light dismiss, so `aria-expanded` stays true.
 * - A click on the anchor that light-dismissed the popup does not re-open it in the same click.
 * - When the popup closes while focus is inside it, focus returns to the anchor.
 * - `placement` is the side actually used after flipping (e.g. for an arrow's styling), also
 *   set as the popup's `data-placement` once placed. With anchor positioning it is read from
 *   the layout on open, scroll, and resize of the window, the popup or the anchor (as is the
 *   arrow's offset).
 *
 * The popup's own style should not set `position`, `inset` or `margin` (the controller sets them
 * inline), and should give it a definite width (`width: max-content` with a `max-width` for
 * text): an auto-width popup would wrap its text to fit beside the anchor rather than flip.
 */
export class PlacementController implements ReactiveController {
  /**
   * For tests and emulating older browsers: `false` places every popup opened from now on with
   * floating-ui, `true` with CSS anchor positioning; `undefined` (default) picks by support.
   */
  static nativeAnchoring: boolean | undefined = undefined;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: PlacementOptions;
  readonly #anchorName = `--chain-anchor-${++anchorNames}`;
  #open = false;
  #placement: Placement;
  #cleanup: (() => void) | undefined;
  #floating: HTMLElement | undefined;
  #anchor: Element | undefined;
  /** Whether the open popup is placed by CSS anchor positioning (decided when it opened). */
  #native = false;
  #openAtPointerDown = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: PlacementOptions) {
    this.#host = host;
    this.#options = options;
    this.#placement = options.placement ?? 'bottom-start';
    host.addController(this);
  }

  /** Whether the popup is open. */
  get open(): boolean {
    return this.#open;
  }

  /** The placement in effect after flipping; the preferred one before the first placement. */
  get placement(): Placement {
    return this.#placement;
  }

  hostConnected(): void {
    this.#host.addEventListener('pointerdown', this.#onPointerDown, true);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('pointerdown', this.#onPointerDown, true);
    this.hide();
  }

  /**
   * Opens the popup and keeps it placed until it closes. Waits for the host's pending render.
   *
   * With anchor positioning, the styles go inline before it opens: the browser places the popup
   * from the first frame, so it is neither hidden nor waited for, and the listeners only keep
   * `placement` and the arrow in step with the fallback the browser picks. Otherwise it opens
   * transparent and waits for floating-ui to place it.
   */
  async show(): Promise<void> {
    if (this.#open) return;
    await this.#host.updateComplete;
    const floating = this.#options.floating();
    const anchor = this.#options.anchor();
    if (!floating || !anchor?.isConnected) return;
    this.#floating = floating;
    this.#anchor = anchor;
    const native = (this.#native = usesCssAnchorPositioning());
    floating.addEventListener('toggle', this.#onToggle);
    delete floating.dataset.placement;
    const { distance = 6, padding = 8, placement = 'bottom-start' } = this.#options;
    const name = this.#anchorName;
    const anchorStyle = (anchor as HTMLElement).style;
    const { style } = floating;
    if (native) {
      const root = floating.getRootNode() as Document | ShadowRoot;
      if (!shiftRules) {
        shiftRules = new CSSStyleSheet();
        shiftRules.replaceSync(shiftRulesText());
      }
      if (root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(shiftRules)) {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, shiftRules];
      }
      anchorStyle?.setProperty('anchor-name', name);
      // After what is there, less what a fallback-path open left (transparent until placed).
      style.opacity = style.pointerEvents = '';
      style.cssText += anchoredStyle(placement, isRtl(floating), distance, padding, name);
    } else {
      // Transparent and click-through until placed (the first open waits for floating-ui), but
      // not `visibility: hidden`, which would refuse the focus an opening host moves into the popup.
      style.cssText += ';position:fixed;inset:0 auto auto 0;margin:0;opacity:0;pointer-events:none';
    }
    showPopup(floating, true);
    this.#setOpen(true);
    // CSS does not move a popup placed by floating-ui with its anchor: also watch for the anchor moving.
    const observeMove = native ? undefined : (await loadFloatingUi()).observeMove;
    // Closed (or re-opened elsewhere) while floating-ui loaded: nothing to follow.
    if (!this.#open || this.#floating !== floating) return;
    // Calls `update()` (at most once a frame) after whatever can change the placement while the
    // popup is open: a resize of the window, a scroll of the page or of any scroller in the
    // document, a change in the popup's or the anchor's size, and, on the fallback path, any
    // other move of the anchor.
    let frame = 0;
    const schedule = (): void => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        void this.update();
      });
    };
    addEventListener('resize', schedule);
    // Capture: scroll does not bubble, and any scroller may hold the anchor.
    document.addEventListener('scroll', schedule, true);
    const resized = new ResizeObserver(schedule);
    resized.observe(floating);
    resized.observe(anchor);
    const unobserveMove = observeMove?.(anchor, schedule);
    this.#cleanup = () => {
      cancelAnimationFrame(frame);
      removeEventListener('resize', schedule);
      document.removeEventListener('scroll', schedule, true);
      resized.disconnect();
      unobserveMove?.();
      // The native path's styles (none on the fallback path).
      for (const property of ['position-anchor', 'position-area', 'position-try-fallbacks']) {
        style.removeProperty(property);
      }
      if (anchorStyle?.getPropertyValue('anchor-name') == name) anchorStyle.removeProperty('anchor-name');
    };
    await this.update();
  }

  /** Closes the popup and stops tracking its anchor. */
  hide(): void {
    this.#close(true);
  }

  /** Opens when closed, closes when open; `force` picks one. */
  async toggle(force?: boolean): Promise<void> {
    // A press on the anchor that began while open light-dismissed the popup: stay closed.
    const next = force ?? (!this.#open && !this.#openAtPointerDown);
    this.#openAtPointerDown = false;
    if (next) await this.show();
    else this.hide();
  }

  /**
   * Places the popup once and points the arrow (the controller does this itself while open).
   * With anchor positioning the browser places it; this reads back the placement the browser
   * picked (synchronously: no floating-ui to wait for).
   */
  async update(): Promise<void> {
    const floating = this.#floating;
    const anchor = this.#anchor;
    if (!this.#open || !floating || !anchor) return;
    const { distance = 6, padding = 8, placement = 'bottom-start' } = this.#options;
    let placed: Placement;
    if (this.#native) {
      placed = placementFromLayout(
        placement,
        anchor.getBoundingClientRect(),
        floating.getBoundingClientRect(),
        isRtl(floating),
      );
    } else {
      const { place } = await loadFloatingUi();
      placed = await place(anchor, floating, placement, distance, padding);
      // Closed, or re-opened elsewhere, while floating-ui computed.
      if (!this.#open || this.#native || this.#floating !== floating) return;
    }
    this.#placed(floating, anchor, placed);
  }

  /** Points the arrow and records the placement in effect; the host re-renders when it changed (flipped). */
  #placed(floating: HTMLElement, anchor: Element, placement: Placement): void {
    const arrowEl = this.#options.arrow?.();
    if (arrowEl) {
      pointArrow(
        arrowEl,
        floating,
        placement,
        anchor.getBoundingClientRect(),
        floating.getBoundingClientRect(),
      );
    }
    floating.dataset.placement = placement;
    if (placement !== this.#placement) {
      this.#placement = placement;
      this.#host.requestUpdate();
    }
  }

  #setOpen(open: boolean): void {
    if (open === this.#open) return;
    this.#open = open;
    this.#host.requestUpdate();
    this.#options.onOpenChange?.(open);
  }

  /**
   * Stops following the anchor and marks the popup closed; `hide`: also hides it (the browser
   * already did when it light-dismissed an `auto` popover). Focus inside it returns to the anchor.
   */
  #close(hide: boolean): void {
    const floating = this.#floating;
    if (!this.#open || !floating) return;
    floating.removeEventListener('toggle', this.#onToggle);
    // Whether focus is on or inside the popup, also in a shadow root inside it.
    const hadFocus = floating.matches(':focus-within');
    if (hide) showPopup(floating, false);
    // After hiding: the native path's cleanup removes the styles that placed the popup.
    this.#cleanup?.();
    this.#cleanup = undefined;
    this.#setOpen(false);
    const anchor = this.#anchor;
    if (hadFocus && anchor instanceof HTMLElement && anchor.isConnected) anchor.focus();
  }

  /** The browser closed an `auto` popover (Escape, click outside, another popover opened). */
  readonly #onToggle = (event: Event): void => {
    if ((event as ToggleEvent).newState === 'closed') this.#close(false);
  };

  /** Remembers whether a press on the anchor began while open (it will light-dismiss the popup). */
  readonly #onPointerDown = (event: PointerEvent): void => {
    const anchor = this.#options.anchor();
    this.#openAtPointerDown = this.#open && !!anchor && event.composedPath().includes(anchor);
  };
}

function isRtl(el: Element): boolean {
  return getComputedStyle(el).direction == 'rtl';
}

/**
 * Shows or hides the popup: as a popover when it has a `popover` attribute the browser supports
 * (`popover` is `null` without the attribute, `undefined` without popovers), else with `hidden`.
 */
function showPopup(floating: HTMLElement, show: boolean): void {
  if (!floating.popover) floating.hidden = !show;
  else if (floating.matches(':popover-open') != show) floating.togglePopover();
}
