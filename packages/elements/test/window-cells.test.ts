import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { windowCells } from '../src/catalog/window-cells.js';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => root.remove());

/** Renders one `<button>` per key (its text `label(key)`) into `root`; returns the buttons. */
function show(keys: string[], label = (key: string): string => key): HTMLButtonElement[] {
  render(
    html`<div>
      ${windowCells(
        keys,
        keys.map((key) => html`<button>${label(key)}</button>`),
      )}
    </div>`,
    root,
  );
  return [...root.querySelectorAll('button')];
}

const texts = (buttons: HTMLElement[]): (string | null)[] => buttons.map((button) => button.textContent);

describe('windowCells()', () => {
  it('keeps the DOM of the cells that stay, in order, as the window slides both ways', () => {
    const [, , c, d] = show(['a', 'b', 'c', 'd']);
    const down = show(['c', 'd', 'e', 'f']);
    expect(texts(down)).to.deep.equal(['c', 'd', 'e', 'f']);
    expect(down[0] === c && down[1] === d, 'c and d kept').to.equal(true);
    const up = show(['a', 'b', 'c', 'd']);
    expect(texts(up)).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(up[2] === c && up[3] === d, 'c and d kept').to.equal(true);
  });

  it('keeps the focus in a cell that stays', () => {
    const [, , c] = show(['a', 'b', 'c', 'd']);
    c!.focus();
    show(['c', 'd', 'e', 'f']);
    expect(document.activeElement === c, 'c focused').to.equal(true);
    show(['a', 'b', 'c', 'd']);
    expect(document.activeElement === c, 'c focused').to.equal(true);
  });

  it('updates the cells that stay, reorders them, and leaves nothing behind', () => {
    const [a, b] = show(['a', 'b', 'c']);
    const after = show(['b', 'x', 'a'], (key) => key.toUpperCase());
    expect(texts(after)).to.deep.equal(['B', 'X', 'A']);
    expect(after[0] === b && after[2] === a, 'a and b kept').to.equal(true);
    show([]);
    const container = root.querySelector('div')!;
    expect(container.children).to.have.length(0);
    // No marker of a removed cell is left either.
    const empty = container.childNodes.length;
    show(['a', 'b']);
    show(['c']);
    show([]);
    expect(container.childNodes).to.have.length(empty);
  });

  it('gives a repeated key a cell of its own', () => {
    expect(texts(show(['a', 'a', 'b']))).to.deep.equal(['a', 'a', 'b']);
    expect(texts(show(['a', 'b', 'b', 'a']))).to.deep.equal(['a', 'b', 'b', 'a']);
    expect(texts(show(['b']))).to.deep.equal(['b']);
  });
});
