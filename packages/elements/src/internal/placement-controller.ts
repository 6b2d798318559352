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
 * The last fallbacks of the native path, floating-ui's `shift`: centred on the anchor and kept
 * inside the viewport by the padding (`anchor-center` slides back into its area rather than
 * overflow). `@position-try` rules, which only a stylesheet can hold, so the controller adopts
 * this one into the popup's shadow root; the gap and padding come from custom properties the
 * controller sets on the popup. Insets: top right bottom left.
 */
const SHIFT_RULES = `
@position-try --chain-shift-top { position-area: top; justify-self: anchor-center; align-self: normal; inset: var(--chain-pad) var(--chain-pad) var(--chain-gap) }
@position-try --chain-shift-bottom { position-area: bottom; justify-self: anchor-center; align-self: normal; inset: var(--chain-gap) var(--chain-pad) var(--chain-pad) }
@position-try --chain-shift-left { position-area: left; align-self: anchor-center; justify-self: normal; inset: var(--chain-pad) var(--chain-gap) var(--chain-pad) var(--chain-pad) }
@position-try --chain-shift-right { position-area: right; align-self: anchor-center; justify-self: normal; inset: var(--chain-pad) var(--chain-pad) var(--chain-pad) var(--chain-gap) }`;

let shiftRules: CSSStyleSheet | undefined;

/**
 * The native path's inline style for a placement, all physical (floating-ui's `start` is the
 * left edge, the right one in a right-to-left popup, for `top`/`bottom`; the top edge otherwise):
 * the `position-area` cell beside the anchor, the gap as the inset on the anchor's side, the
 * padding as the insets on the viewport's sides (an inset shrinks the area a fallback must fit),
 * and fallbacks in floating-ui's `flip` order (other alignment, other side, both), then `shift`.
 */
function anchoredStyle(placement: Placement, rtl: boolean, gap: number, pad: number, name: string): string {
  const [side, alignment] = placement.split('-') as [Side, Alignment];
  const i = SIDES.indexOf(side);
  const vertical = i % 2 == 0;
  // The alignment axis's start and end edge, as indexes into SIDES.
  const start = vertical ? (rtl ? 1 : 3) : 0;
  const end = (start + 2) % 4;
  const inset = SIDES.map(() => pad);
  inset[(i + 2) % 4] = gap;
  // Start-aligned: the popup's start edge on the anchor's, its cell spanning towards the end.
  if (alignment) inset[alignment == 'start' ? start : end] = 0;
  const [alignFlip, sideFlip] = vertical ? ['flip-inline', 'flip-block'] : ['flip-block', 'flip-inline'];
  return `;position:fixed;margin:0;inset:${inset.join('px ')}px;position-anchor:${name};--chain-gap:${gap}px;--chain-pad:${pad}px;${
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
  const placed = vertical
    ? box.top + box.bottom >= anchor.top + anchor.bottom
      ? 'bottom'
      : 'top'
    : box.left + box.right >= anchor.left + anchor.right
      ? 'right'
      : 'left';
  if (!alignment) return placed;
  const edges: [Side, Side] = vertical ? (rtl ? ['right', 'left'] : ['left', 'right']) : ['top', 'bottom'];
  const shares = (edge: Side): boolean => Math.abs(box[edge] - anchor[edge]) < 1;
  const [own, other] = alignment == 'start' ? edges : [edges[1], edges[0]];
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

  /** Opens the popup and keeps it placed until it closes. Waits for the host's pending render. */
  async show(): Promise<void> {
    if (this.#open) return;
    await this.#host.updateComplete;
    const floating = this.#options.floating();
    const anchor = this.#options.anchor();
    if (!floating || !anchor?.isConnected) return;
    this.#floating = floating;
    this.#anchor = anchor;
    this.#native = usesCssAnchorPositioning();
    floating.addEventListener('toggle', this.#onToggle);
    delete floating.dataset.placement;
    if (this.#native) {
      this.#showAnchored(floating, anchor);
      return;
    }
    // Transparent and click-through until placed (the first open waits for floating-ui), but not
    // `visibility: hidden`, which would refuse the focus an opening host moves into the popup.
    Object.assign(floating.style, {
      position: 'fixed',
      inset: 'auto',
      margin: '0',
      left: '0px',
      top: '0px',
      opacity: '0',
      pointerEvents: 'none',
    });
    openPopup(floating);
    this.#setOpen(true);
    const { observeMove } = await loadFloatingUi();
    // Closed (or re-opened elsewhere) while floating-ui loaded: nothing to follow.
    if (!this.#open || this.#floating !== floating) return;
    // CSS does not move this popup with its anchor: also watch for the anchor moving.
    this.#cleanup = this.#follow(floating, anchor, observeMove);
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

  /**
   * The native path: anchor-positioning styles inline, then open. The browser places the popup
   * from the first frame, so it is neither hidden nor waited for; the listeners only keep
   * `placement` and the arrow in step with the fallback the browser picks.
   */
  #showAnchored(floating: HTMLElement, anchor: Element): void {
    const { distance = 6, padding = 8, placement = 'bottom-start' } = this.#options;
    const name = this.#anchorName;
    const root = floating.getRootNode() as Document | ShadowRoot;
    if (!shiftRules) {
      shiftRules = new CSSStyleSheet();
      shiftRules.replaceSync(SHIFT_RULES);
    }
    if (root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(shiftRules)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, shiftRules];
    }
    const anchorStyle = (anchor as HTMLElement).style;
    anchorStyle?.setProperty('anchor-name', name);
    const { style } = floating;
    // After what is there, less what a fallback-path open left (transparent until placed).
    style.opacity = style.pointerEvents = '';
    style.cssText += anchoredStyle(placement, isRtl(floating), distance, padding, name);
    openPopup(floating);
    this.#setOpen(true);
    const unfollow = this.#follow(floating, anchor);
    this.#cleanup = () => {
      unfollow();
      for (const property of ['position-anchor', 'position-area', 'position-try-fallbacks']) {
        style.removeProperty(property);
      }
      if (anchorStyle?.getPropertyValue('anchor-name') == name) anchorStyle.removeProperty('anchor-name');
    };
    void this.update();
  }

  /**
   * Calls `update()` (at most once a frame) after whatever can change the placement while the
   * popup is open: a resize of the window, a scroll of the page or of any scroller in the document,
   * a change in the popup's or the anchor's size, and, given `observeMove` (the fallback path,
   * where CSS does not move the popup), any other move of the anchor. Returns the cleanup.
   */
  #follow(
    floating: HTMLElement,
    anchor: Element,
    observeMove?: (anchor: Element, onMove: () => void) => () => void,
  ): () => void {
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
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener('resize', schedule);
      document.removeEventListener('scroll', schedule, true);
      resized.disconnect();
      unobserveMove?.();
    };
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
    // Whether focus is on or inside the popup, looking through shadow roots.
    let hadFocus = false;
    for (let active = document.activeElement; active; active = active.shadowRoot?.activeElement ?? null) {
      hadFocus ||= floating.contains(active);
    }
    if (hide) {
      if (!usesPopover(floating)) floating.hidden = true;
      else if (floating.matches(':popover-open')) floating.hidePopover();
    }
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

function usesPopover(el: HTMLElement): boolean {
  return el.hasAttribute('popover') && typeof el.showPopover === 'function';
}

function isRtl(el: Element): boolean {
  return getComputedStyle(el).direction == 'rtl';
}

function openPopup(floating: HTMLElement): void {
  if (!usesPopover(floating)) floating.hidden = false;
  else if (!floating.matches(':popover-open')) floating.showPopover();
}
