/**
 * Which of an element's public properties its docs page's table does not list. The expected
 * names come from two independent places: the Custom Elements Manifest (what the tables are
 * generated from) and the live class's Lit `elementProperties` in the browser (what the element
 * really reacts to, minus internal `state: true` entries), so neither a stale manifest nor a
 * generator that drops rows can hide a property.
 */
export function missingFromTable(expected: Iterable<string>, listed: Iterable<string>): string[] {
  const shown = new Set(listed);
  return [...new Set(expected)].filter((name) => !shown.has(name)).sort();
}
