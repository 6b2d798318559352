import type { Placement } from '@floating-ui/dom';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type { Placement };

/**
 * `@floating-ui/dom`, fetched when a popup first opens: most visits to a shop page never open
 * one (the mixed-batch details, the cart panel), so the page's first load does not carry it.
 */
let floatingUi: Promise<typeof import('./floating-ui.js')> | undefined;
const loadFloatingUi = (): Promise<typeof import('./floating-ui.js')> =>
  (floatingUi ??= import('./floating-ui.js'));

/** Options for {@link PlacementController}. */
export interface PlacementOptions {
  /** The element the popup is placed against (usually its toggle button). Read when opening. */
  anchor: () => Element | null | undefined;
  /**
   * The popup. Give it `popover="auto"` in the template so it opens in the top layer (above
   * any z-index, never clipped by `overflow` or transformed ancestors) with light dismiss
   * (Escape, click outside). Without the attribute it is shown with `hidden` and fixed positioning.
   */
  floating: () => HTMLElement | null | undefined;
  /** Optional arrow element inside the popup; positioned along the popup's edge. */
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
 * Opens, closes and places a popup (tooltip, popover, cart panel) next to an anchor, with
 * `@floating-ui/dom` for the position (loaded on the first open) and the browser's popover top
 * layer for stacking.
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
 * - `show()` opens the popup (`showPopover()`), places it, and keeps it placed while open
 *   (floating-ui's `autoUpdate`: scroll, resize, anchor moves); `hide()` closes it and stops
 *   watching; `toggle()` switches. Disconnecting the host closes it too.
 * - `open` is the current state; the host re-renders whenever it changes, including when the
 *   browser closes an `auto` popover by light dismiss, so `aria-expanded` stays true.
 * - A click on the anchor that light-dismissed the popup does not re-open it in the same click.
 * - When the popup closes while focus is inside it, focus returns to the anchor.
 * - `placement` is the side actually used after flipping (e.g. for an arrow's styling).
 *
 * The popup's own style should not set `inset` or `margin`; the controller sets `left`/`top` in
 * px with `position: fixed` (in the top layer that is relative to the viewport).
 */
export class PlacementController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: PlacementOptions;
  #open = false;
  #placement: Placement;
  #cleanup: (() => void) | undefined;
  #floating: HTMLElement | undefined;
  #anchor: Element | undefined;
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
    floating.addEventListener('toggle', this.#onToggle);
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
    if (!usesPopover(floating)) floating.hidden = false;
    else if (!floating.matches(':popover-open')) floating.showPopover();
    this.#setOpen(true);
    const { autoUpdate } = await loadFloatingUi();
    // Closed (or re-opened elsewhere) while floating-ui loaded: nothing to follow.
    if (!this.#open || this.#floating !== floating) return;
    this.#cleanup = autoUpdate(anchor, floating, () => void this.update());
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

  /** Places the popup once (the controller does this itself while open). */
  async update(): Promise<void> {
    const floating = this.#floating;
    const anchor = this.#anchor;
    if (!this.#open || !floating || !anchor) return;
    const { arrow, computePosition, flip, offset, shift } = await loadFloatingUi();
    const {
      arrow: arrowOf,
      distance = 6,
      padding = 8,
      placement: preferred = 'bottom-start',
    } = this.#options;
    const arrowEl = arrowOf?.();
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
    if (!this.#open) return;
    Object.assign(floating.style, {
      left: `${Math.round(x)}px`,
      top: `${Math.round(y)}px`,
      opacity: '',
      pointerEvents: '',
    });
    floating.dataset.placement = placement;
    const at = middlewareData.arrow;
    if (arrowEl && at) {
      arrowEl.style.left = at.x === undefined ? '' : `${at.x}px`;
      arrowEl.style.top = at.y === undefined ? '' : `${at.y}px`;
    }
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
    this.#cleanup?.();
    this.#cleanup = undefined;
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
