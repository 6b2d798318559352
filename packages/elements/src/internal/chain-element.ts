import { css, LitElement, type CSSResultGroup } from 'lit';
import { createChainEvent, type ChainEmitOptions, type ChainEvent, type ChainEventMap } from './events.js';
import { pageTextLoading } from './localization.js';

/**
 * The version of this copy of `@chainkit/elements`. `define()` reads it to say which versions
 * clash when two copies on one page try to register the same tag. Kept equal to package.json's
 * version (a test checks).
 */
export const VERSION = '0.1.0';

/**
 * Host reset shared by every element: border-box sizing inside the shadow root and a `hidden`
 * attribute that really hides, even when the element's own styles set `display`.
 */
export const hostStyles = css`
  :host,
  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }
`;

/**
 * Base class of every Chainkit element.
 *
 * Subclasses add their own styles after the reset (`static override styles = [hostStyles, styles]`),
 * declare reactive properties with `static override properties` and `declare` fields (no
 * decorators), and never register themselves: registration is `define()`'s job.
 */
export class ChainElement extends LitElement {
  /** The `@chainkit/elements` version this class belongs to. */
  static version: string = VERSION;

  static override styles: CSSResultGroup = hostStyles;

  /** The first render waits for the page's text language while it loads (see `pageTextLoading`). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = this.hasUpdated ? undefined : pageTextLoading();
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * Dispatches a Chainkit event from this element: a `CustomEvent` that bubbles and is composed,
   * so it crosses shadow roots up to `document`. The name and `detail` are checked against
   * `ChainEventMap`. Returns the event; with `{ cancelable: true }` check `defaultPrevented` to
   * see whether a listener vetoed the action.
   */
  emit<K extends keyof ChainEventMap>(
    name: K,
    detail: ChainEventMap[K],
    options: ChainEmitOptions = {},
  ): ChainEvent<K> {
    const event = createChainEvent(name, detail, options);
    this.dispatchEvent(event);
    return event;
  }
}
