/**
 * The site's own script: on narrow screens the sidebar folds behind a "Menu" button. Without
 * JavaScript the sidebar simply stays open above the article.
 */
const button = document.querySelector<HTMLButtonElement>('.menu-button');
const sidebar = document.getElementById('sidebar');

if (button && sidebar) {
  const narrow = window.matchMedia('(max-width: 52rem)');
  const setOpen = (open: boolean): void => {
    button.setAttribute('aria-expanded', String(open));
    sidebar.classList.toggle('is-closed', !open);
  };
  const fit = (): void => {
    button.hidden = !narrow.matches;
    setOpen(!narrow.matches);
  };
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  sidebar.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && narrow.matches) {
      setOpen(false);
      button.focus();
    }
  });
  narrow.addEventListener('change', fit);
  fit();
}

/**
 * Code blocks and tables that scroll sideways must be reachable by keyboard (WCAG 2.1.1): give
 * the ones that overflow a tab stop, and only those, so short blocks add no stop.
 */
function focusableScrollers(): void {
  for (const box of document.querySelectorAll<HTMLElement>('.prose pre, .prose .table-scroll')) {
    if (box.scrollWidth > box.clientWidth) box.tabIndex = 0;
    else box.removeAttribute('tabindex');
  }
}
focusableScrollers();
let resizeTimer: number | undefined;
window.addEventListener('resize', () => {
  window.clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(focusableScrollers, 200);
});
