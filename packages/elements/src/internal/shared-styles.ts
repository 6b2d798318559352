import { css } from 'lit';
import { tokens } from './theme.js';

/**
 * `.visually-hidden`: text for screen readers only (live regions, labels of icon buttons), off
 * screen but in the accessibility tree. One copy for every element's `styles`, instead of the
 * same rules in each stylesheet.
 */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * The look every bordered form control shares (the catalog's search and filter, the order form's
 * cells and fields, the cart's inputs and buttons): the host's font and colour, the surface,
 * border and radius tokens. Goes before an element's own styles, which refine it.
 */
export const formControls = css`
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
    background: ${tokens.colorSurface};
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
  }
`;
