/**
 * `define` as the loader's chunks use it (the CDN build puts this module in place of
 * `src/internal/define.ts`; npm code keeps the synchronous one).
 *
 * A script-tag page has been parsed by the time the loader's chunk arrives, so registering a tag
 * upgrades every element of it at once, and each element's first render follows in the same task.
 * Registering the shop's five tags in one go made that one task of about 200 ms at 4× CPU
 * throttling (a mid-range phone), blocking input all along. Here each tag is registered in a task
 * of its own, in the order the chunk asks for them (`<chain-store>` first, so the elements inside
 * it find their store when they upgrade). Tags not yet registered keep matching `:not(:defined)`,
 * so space a page reserves for them stays reserved until they render. The loader's
 * `Chainkit.define()` settles once the tags are registered (`customElements.whenDefined`).
 */
import { define as defineNow, type DefinableElement } from '../src/internal/define.js';

export type { DefinableElement };

/** Resolves in a new task, without `setTimeout`'s 4 ms clamp on nested timers. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves in a task after the browser's next frame, so each tag upgrades on a clean layout
 * (the layout an element reads while upgrading then covers only what it rendered itself). A
 * hidden page renders no frames: there a timer stands in at once, and after a second for a page
 * hidden while it waits (a visible page that has no frame for that long is rare enough).
 */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, document.visibilityState === 'hidden' ? 0 : 1000);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      void nextTask().then(resolve);
    });
  });
}

let queue: Promise<void> = Promise.resolve();

/** Registers `ctor` as `tagName` in a task of its own, after the tags registered before it. */
export function define(tagName: string, ctor: DefinableElement): void {
  queue = queue.then(afterNextFrame).then(() => {
    try {
      defineNow(tagName, ctor);
    } catch (error) {
      console.error(error);
    }
  });
}
