/**
 * A plain `<textarea>` made comfortable for HTML: Tab indents (the selected lines, or two spaces
 * at the caret), Shift+Tab outdents, Enter keeps the line's indentation, Ctrl/Cmd+Enter runs.
 * Escape releases the next Tab, so keyboard users can always leave the editor. Edits go through
 * `setRangeText`, so undo and the `input` event keep working.
 */

const INDENT = '  ';

export interface EditorOptions {
  /** Ctrl/Cmd+Enter. */
  readonly onRun: () => void;
}

function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

function replace(area: HTMLTextAreaElement, start: number, end: number, text: string): void {
  area.setRangeText(text, start, end, 'preserve');
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

function indent(area: HTMLTextAreaElement, outdent: boolean): void {
  const { value, selectionStart, selectionEnd } = area;
  const multiline = value.slice(selectionStart, selectionEnd).includes('\n');
  if (!outdent && !multiline) {
    replace(area, selectionStart, selectionEnd, INDENT);
    area.setSelectionRange(selectionStart + INDENT.length, selectionStart + INDENT.length);
    return;
  }
  const from = lineStart(value, selectionStart);
  // A selection ending at the start of a line does not include that line.
  const to =
    selectionEnd > selectionStart && value[selectionEnd - 1] === '\n' ? selectionEnd - 1 : selectionEnd;
  const lines = value.slice(from, to).split('\n');
  const changed = lines.map((line) =>
    outdent ? line.replace(/^ {1,2}|^\t/, '') : line.length > 0 ? INDENT + line : line,
  );
  const firstDelta = changed[0]!.length - lines[0]!.length;
  const totalDelta = changed.join('\n').length - lines.join('\n').length;
  replace(area, from, to, changed.join('\n'));
  area.setSelectionRange(Math.max(from, selectionStart + firstDelta), selectionEnd + totalDelta);
}

function newline(area: HTMLTextAreaElement): void {
  const { value, selectionStart, selectionEnd } = area;
  const current = value.slice(lineStart(value, selectionStart), selectionStart);
  const text = `\n${/^[ \t]*/.exec(current)?.[0] ?? ''}`;
  replace(area, selectionStart, selectionEnd, text);
  area.setSelectionRange(selectionStart + text.length, selectionStart + text.length);
}

/** Adds the key handling to `area`. */
export function enhanceEditor(area: HTMLTextAreaElement, options: EditorOptions): void {
  let releaseTab = false;
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      options.onRun();
      return;
    }
    if (event.key === 'Escape') {
      releaseTab = true;
      return;
    }
    if (event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      if (releaseTab) {
        releaseTab = false;
        return; // the browser moves the focus
      }
      event.preventDefault();
      indent(area, event.shiftKey);
      return;
    }
    releaseTab = false;
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      newline(area);
    }
  });
  area.addEventListener('blur', () => {
    releaseTab = false;
  });
}
