import { expect } from '@open-wc/testing';
import { ChainElement, define, VERSION } from '../src/index.js';

class StubWarn {
  calls: unknown[][] = [];
  readonly #original = console.warn;
  constructor() {
    console.warn = (...args: unknown[]) => void this.calls.push(args);
  }
  restore(): void {
    console.warn = this.#original;
  }
}

describe('define()', () => {
  let warn: StubWarn;
  beforeEach(() => {
    warn = new StubWarn();
  });
  afterEach(() => warn.restore());

  it('registers a chain- tag', () => {
    class Registered extends ChainElement {}
    define('chain-define-registers', Registered);
    expect(customElements.get('chain-define-registers')).to.equal(Registered);
  });

  it('does nothing when the same class is defined again', () => {
    class Twice extends ChainElement {}
    define('chain-define-twice', Twice);
    expect(() => define('chain-define-twice', Twice)).not.to.throw();
    expect(customElements.get('chain-define-twice')).to.equal(Twice);
    expect(warn.calls).to.have.length(0);
  });

  it('keeps the first class and warns once, naming both versions, when another takes the tag', () => {
    class Current extends ChainElement {}
    class Other extends ChainElement {
      static override version = '9.9.9';
    }
    class Third extends ChainElement {
      static override version = '10.0.0';
    }
    define('chain-define-clash', Current);
    expect(() => define('chain-define-clash', Other)).not.to.throw();
    define('chain-define-clash', Other);
    define('chain-define-clash', Third);
    expect(customElements.get('chain-define-clash')).to.equal(Current);
    expect(warn.calls).to.have.length(1);
    const message = String(warn.calls[0]?.[0]);
    expect(message).to.contain('<chain-define-clash>');
    expect(message).to.contain(`v${VERSION}`);
    expect(message).to.contain('v9.9.9');
  });

  it('warns separately for each clashing tag', () => {
    class One extends ChainElement {}
    class Two extends ChainElement {}
    class B extends ChainElement {}
    define('chain-define-one', One);
    define('chain-define-two', Two);
    define('chain-define-one', B);
    define('chain-define-two', B);
    expect(warn.calls).to.have.length(2);
  });

  it('names a class without a version as such', () => {
    class Foreign extends HTMLElement {}
    customElements.define('chain-define-foreign', Foreign);
    define('chain-define-foreign', class Ours extends ChainElement {});
    expect(String(warn.calls[0]?.[0])).to.contain('Foreign (an unknown version)');
  });

  for (const bad of ['my-money', 'chain-', 'Chain-money', 'chainmoney', 'chain--money', 'x-chain-money']) {
    it(`rejects the tag "${bad}"`, () => {
      class Rejected extends ChainElement {}
      expect(() => define(bad, Rejected)).to.throw(TypeError, /start with "chain-"/);
    });
  }
});
