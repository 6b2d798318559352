import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { categoryLabel, type CatalogCategory } from './categories.js';

/** What the toolbar shows and where its events go. */
export interface ToolbarOptions {
  readonly query: string;
  readonly categories: readonly CatalogCategory[];
  readonly category: string;
  /** Locale of the category labels. */
  readonly locale: string;
  readonly onSearchInput: (event: Event) => void;
  readonly onSearchKeydown: (event: KeyboardEvent) => void;
  readonly onCategoryChange: (event: Event) => void;
}

/**
 * The catalog's search box and category filter, each with a visible label. The search field's
 * value is bound one way: typing is not overwritten by re-renders while the search is debounced.
 * No category select when there are no categories.
 */
export function renderToolbar(options: ToolbarOptions): TemplateResult {
  const { categories, category } = options;
  return html`
    <div part="toolbar" class="toolbar">
      <div class="field search">
        <label for="search">${msg('Search offers', { id: 'catalog.search' })}</label>
        <input
          id="search"
          part="search"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          .value=${options.query}
          @input=${options.onSearchInput}
          @keydown=${options.onSearchKeydown}
        />
      </div>
      ${
        categories.length === 0
          ? nothing
          : html`<div class="field">
              <label for="category">${msg('Category', { id: 'catalog.category' })}</label>
              <select id="category" part="category" @change=${options.onCategoryChange}>
                <option value="" ?selected=${category === ''}>
                  ${msg('All categories', { id: 'catalog.allCategories' })}
                </option>
                ${categories.map(
                  (item) =>
                    html`<option value=${item.id} ?selected=${item.id === category}>
                      ${categoryLabel(item, options.locale)}
                    </option>`,
                )}
              </select>
            </div>`
      }
    </div>
  `;
}
