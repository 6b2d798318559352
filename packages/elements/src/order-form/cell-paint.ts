/**
 * Shows (or clears) the violation text of one matrix cell, in place: `aria-invalid`, an error
 * text right after the input, and `aria-describedby` pointing to it. Plain DOM on purpose: typing
 * in a cell never re-renders the matrix (with 1,000 cells that would blow the 16 ms budget of
 * performance.md). Text is set with `textContent`, never as HTML.
 */
export function paintCell(input: HTMLInputElement, message: string): void {
  let note = input.nextElementSibling;
  if (!message) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    note?.remove();
    return;
  }
  if (!note) {
    note = document.createElement('span');
    note.id = `${input.id}-error`;
    note.className = 'cell-error';
    note.setAttribute('part', 'cell-error');
    input.after(note);
  }
  note.textContent = message;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', note.id);
}
