import { localize, type LocalizedText, type Offer } from '@chainkit/core';

/** A category the catalog can filter by: its id (an offer's `category`) and an optional label. */
export interface CatalogCategory {
  readonly id: string;
  /** What buyers read; the id when absent. */
  readonly label?: LocalizedText;
}

/** Accepted by `<chain-catalog>.categories`: ids, or ids with labels. */
export type CategoryInput = string | CatalogCategory;

/** `categories` as objects, without empty or repeated ids (the first wins). */
export function normalizeCategories(input: readonly CategoryInput[]): CatalogCategory[] {
  const seen = new Set<string>();
  const out: CatalogCategory[] = [];
  for (const item of input) {
    const category = typeof item === 'string' ? { id: item } : item;
    if (typeof category?.id !== 'string' || category.id === '' || seen.has(category.id)) continue;
    seen.add(category.id);
    out.push(category);
  }
  return out;
}

/**
 * The categories of `offers`, in the order they first appear. An indexed loop: it runs over every
 * offer (10,000 of them) in the update that shows the first cards.
 */
export function categoriesOf(offers: readonly Offer[]): CatalogCategory[] {
  const seen = new Set<string>();
  const out: CatalogCategory[] = [];
  for (let i = 0; i < offers.length; i += 1) {
    const category = offers[i]?.category;
    if (!category || seen.has(category)) continue;
    seen.add(category);
    out.push({ id: category });
  }
  return out;
}

/** A category's label for `locale`: its label, else its id. */
export function categoryLabel(category: CatalogCategory, locale: string): string {
  return category.label === undefined ? category.id : localize(category.label, locale) || category.id;
}
