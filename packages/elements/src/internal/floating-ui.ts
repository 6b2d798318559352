/**
 * The part of `@floating-ui/dom` `PlacementController` uses in browsers without CSS anchor
 * positioning (the others never fetch it), as one module it imports on demand:
 * a dynamic `import('@floating-ui/dom')` keeps the whole package (every middleware, `platform`,
 * `detectOverflow`…), while named re-exports let the bundler drop the rest.
 */
export { arrow, autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
