import { noChange } from 'lit';
import { Directive, directive, type ChildPart } from 'lit/directive.js';
import { insertPart, removePart, setChildPartValue } from 'lit/directive-helpers.js';

/**
 * The cells of the catalog's window, `values[i]` keyed by `keys[i]` as with Lit's `repeat()`: a
 * cell that stays in the window keeps its DOM (and the focus in it) while the window slides.
 * `repeat()` finds the fewest moves for any reordering; a window gains and loses cells at its
 * ends, so this is simpler: the cells that left are removed first, then the cells are placed from
 * the last one back, each before the next, and a cell already in its place is not moved (a move
 * would drop the focus). A repeated key gets a cell of its own.
 */
class WindowCellsDirective extends Directive {
  #keys: readonly unknown[] = [];
  #parts: ChildPart[] = [];

  render(_keys: readonly unknown[], _values: readonly unknown[]): typeof noChange {
    return noChange;
  }

  override update(
    container: ChildPart,
    [keys, values]: [readonly unknown[], readonly unknown[]],
  ): typeof noChange {
    const kept = new Map<unknown, ChildPart>();
    this.#keys.forEach((key, i) => {
      const part = this.#parts[i]!;
      if (keys.includes(key) && !kept.has(key)) kept.set(key, part);
      else {
        // `removePart` leaves the part's end marker (lit/lit#5010; `repeat()` leaks one comment per
        // cell that ever left): a marker left between two cells would make the next one look out
        // of place.
        removePart(part);
        (part.endNode as ChildNode).remove();
      }
    });
    const parts: ChildPart[] = [];
    let next: ChildPart | undefined;
    for (let i = keys.length - 1; i >= 0; i--) {
      next = insertPart(container, next, kept.get(keys[i]));
      kept.delete(keys[i]);
      parts[i] = setChildPartValue(next, values[i]);
    }
    this.#keys = keys;
    this.#parts = parts;
    return noChange;
  }
}

export const windowCells = directive(WindowCellsDirective);
