import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { place, type Placement } from './place.js';

export type { Placement };

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
 * `place()` (place.ts) for the position and the browser's popover top layer for stacking.
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
 *   (checked every frame while open: scroll, resize, anchor moves); `hide()` closes it and stops
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
  #frame = 0;
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
    this.#host.addEventListener('pointerdown', this.#onPointerDown, { capture: true });
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('pointerdown', this.#onPointerDown, { capture: true });
    this.hide();
  }

  /** Opens the popup and keeps it placed until it closes. Waits for the host's pending render. */
  async show(): Promise<void> {
    if (this.#open) return;
    await this.#host.updateComplete;
    const floating = this.#options.floating();
    const anchor = this.#options.anchor();
    if (!floating || !anchor || !anchor.isConnected) return;
    this.#floating = floating;
    this.#anchor = anchor;
    floating.addEventListener('toggle', this.#onToggle);
    Object.assign(floating.style, { position: 'fixed', inset: 'auto', margin: '0', left: '0px', top: '0px' });
    if (usesPopover(floating)) {
      if (!floating.matches(':popover-open')) floating.showPopover();
    } else {
      floating.hidden = false;
    }
    this.#setOpen(true);
    this.#follow();
  }

  /** Closes the popup and stops tracking its anchor. */
  hide(): void {
    const floating = this.#floating;
    if (!this.#open || !floating) return;
    this.#stop();
    const hadFocus = containsFocus(floating);
    if (usesPopover(floating)) {
      if (floating.matches(':popover-open')) floating.hidePopover();
    } else {
      floating.hidden = true;
    }
    this.#closed(hadFocus);
  }

  /** Opens when closed, closes when open; `force` picks one. */
  async toggle(force?: boolean): Promise<void> {
    const dismissedByThisClick = this.#openAtPointerDown && !this.#open;
    this.#openAtPointerDown = false;
    const next = force ?? (dismissedByThisClick ? false : !this.#open);
    if (next) await this.show();
    else this.hide();
  }

  /** Places the popup once (the controller does this itself while open). */
  update(): Promise<void> {
    const floating = this.#floating;
    const anchor = this.#anchor;
    if (!this.#open || !floating || !anchor) return Promise.resolve();
    const arrowEl = this.#options.arrow?.() ?? undefined;
    const preferred = this.#options.placement ?? 'bottom-start';
    const vertical = /^(top|bottom)/.test(preferred);
    const root = document.documentElement;
    const padding = this.#options.padding ?? 8;
    const { x, y, placement, arrow } = place(
      anchor.getBoundingClientRect(),
      { width: floating.offsetWidth, height: floating.offsetHeight },
      { width: root.clientWidth, height: root.clientHeight },
      {
        placement: preferred,
        distance: this.#options.distance ?? 6,
        padding,
        ...(arrowEl ? { arrowSize: vertical ? arrowEl.offsetWidth : arrowEl.offsetHeight } : {}),
      },
    );
    const left = `${Math.round(x)}px`;
    const top = `${Math.round(y)}px`;
    if (floating.style.left !== left || floating.style.top !== top)
      Object.assign(floating.style, { left, top });
    floating.dataset.placement = placement;
    if (arrowEl && arrow !== undefined) {
      const flipped = /^(top|bottom)/.test(placement);
      Object.assign(arrowEl.style, { left: flipped ? `${arrow}px` : '', top: flipped ? '' : `${arrow}px` });
    }
    if (placement !== this.#placement) {
      this.#placement = placement;
      this.#host.requestUpdate();
    }
    return Promise.resolve();
  }

  /** Keeps the popup placed, once a frame while open: cheap, and it sees every kind of move. */
  #follow(): void {
    void this.update();
    this.#frame = requestAnimationFrame(() => this.#follow());
  }

  #setOpen(open: boolean): void {
    if (open === this.#open) return;
    this.#open = open;
    this.#host.requestUpdate();
    this.#options.onOpenChange?.(open);
  }

  #stop(): void {
    cancelAnimationFrame(this.#frame);
    this.#floating?.removeEventListener('toggle', this.#onToggle);
  }

  #closed(hadFocus: boolean): void {
    this.#setOpen(false);
    if (hadFocus && this.#anchor instanceof HTMLElement && this.#anchor.isConnected) this.#anchor.focus();
  }

  /** The browser closed an `auto` popover (Escape, click outside, another popover opened). */
  readonly #onToggle = (event: Event): void => {
    if ((event as ToggleEvent).newState !== 'closed' || !this.#open) return;
    const hadFocus = this.#floating ? containsFocus(this.#floating) : false;
    this.#stop();
    this.#closed(hadFocus);
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

/** Whether focus is on or inside `el`, looking through shadow roots. */
function containsFocus(el: HTMLElement): boolean {
  let active: Element | null = document.activeElement;
  while (active) {
    if (active === el || el.contains(active)) return true;
    active = active.shadowRoot?.activeElement ?? null;
  }
  return false;
}
