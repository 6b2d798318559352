import { expect } from '@open-wc/testing';
import { define as staggeredDefine } from '../cdn/staggered-define.js';
import { ChainElement } from '../src/index.js';

/** Counts the frames the page renders, from the first call on. */
function frameCounter(): { readonly count: number; stop(): void } {
  let count = 0;
  let id = requestAnimationFrame(function tick() {
    count += 1;
    id = requestAnimationFrame(tick);
  });
  return {
    get count() {
      return count;
    },
    stop: () => cancelAnimationFrame(id),
  };
}

describe('staggered define (the CDN chunks)', () => {
  it('registers tags in the order asked, each after a frame of its own, upgrading elements already on the page', async () => {
    const tags = ['chain-staggered-a', 'chain-staggered-b', 'chain-staggered-c'];
    const host = document.createElement('div');
    host.innerHTML = tags.map((tag) => `<${tag}></${tag}>`).join('');
    document.body.append(host);
    const frames = frameCounter();
    const registeredAt = new Map<string, number>();
    try {
      for (const tag of tags) {
        class Element extends ChainElement {
          constructor() {
            super();
            registeredAt.set(tag, frames.count);
          }
        }
        staggeredDefine(tag, Element);
      }
      // Nothing is registered in the task that asked.
      expect(tags.map((tag) => customElements.get(tag))).to.deep.equal([undefined, undefined, undefined]);
      await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
      const order = [...registeredAt.keys()];
      expect(order).to.deep.equal(tags);
      const at = tags.map((tag) => registeredAt.get(tag)!);
      expect(at[1]).to.be.greaterThan(at[0]!);
      expect(at[2]).to.be.greaterThan(at[1]!);
      expect(host.querySelector('chain-staggered-c')).to.be.instanceOf(
        customElements.get('chain-staggered-c'),
      );
    } finally {
      frames.stop();
      host.remove();
    }
  });

  it('logs a registration that fails and goes on with the next', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (error: unknown) => void errors.push(error);
    try {
      class Bad extends ChainElement {}
      class Good extends ChainElement {}
      staggeredDefine('not-chain-tag', Bad);
      staggeredDefine('chain-staggered-after-bad', Good);
      await customElements.whenDefined('chain-staggered-after-bad');
      expect(errors).to.have.length(1);
      expect(String(errors[0])).to.contain('not-chain-tag');
      expect(customElements.get('not-chain-tag')).to.equal(undefined);
    } finally {
      console.error = original;
    }
  });

  describe('when the page renders no frames', () => {
    const raf = window.requestAnimationFrame;
    beforeEach(() => {
      // A page that never renders: the frame the registration waits for never comes.
      window.requestAnimationFrame = () => 0;
    });
    afterEach(() => {
      window.requestAnimationFrame = raf;
      // The stub below is an own property of this document; removing it restores the real one.
      delete (document as { visibilityState?: unknown }).visibilityState;
    });

    /** Whether `tag` is registered within `ms`. */
    const definedWithin = (tag: string, ms: number): Promise<boolean> =>
      Promise.race([
        customElements.whenDefined(tag).then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
      ]);

    it('registers at once on a hidden page', async () => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      staggeredDefine('chain-staggered-hidden', class extends ChainElement {});
      expect(await definedWithin('chain-staggered-hidden', 300)).to.equal(true);
    });

    it('registers after a second on a visible page that has no frame for that long', async () => {
      staggeredDefine('chain-staggered-frameless', class extends ChainElement {});
      expect(await definedWithin('chain-staggered-frameless', 500)).to.equal(false);
      expect(await definedWithin('chain-staggered-frameless', 1500)).to.equal(true);
    });
  });
});
