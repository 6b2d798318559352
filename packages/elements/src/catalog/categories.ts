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
export function normalizeCategories(input: readonly (CategoryInput | undefined)[]): CatalogCategory[] {
  const seen = new Set<string>();
  const out: CatalogCategory[] = [];
  for (const item of input) {
    const category = typeof item === 'string' ? { id: item } : item;
    const id = category?.id;
    if (typeof id === 'string' && id !== '' && !seen.has(id)) {
      seen.add(id);
      out.push(category!);
    }
  }
  return out;
}

/** The categories of `offers`, in the order they first appear. */
export function categoriesOf(offers: readonly Offer[]): CatalogCategory[] {
  return normalizeCategories(offers.map((offer) => offer.category));
}

/** A category's label for `locale`: its label, else its id. */
export function categoryLabel(category: CatalogCategory, locale: string): string {
  return (category.label && localize(category.label, locale)) || category.id;
}
