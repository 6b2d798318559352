import { css } from 'lit';
import { tokens } from '../internal/theme.js';

export default css`
  :host {
    display: block;
    color: ${tokens.colorText};
    background: ${tokens.colorSurface};
    font-family: ${tokens.fontFamily};
    font-size: ${tokens.fontSize};
    line-height: 1.5;
  }

  [part~='base'] {
    display: grid;
    gap: ${tokens.space4};
  }

  h2,
  h3 {
    margin: 0;
    line-height: 1.3;
  }

  h2,
  [part~='total'] {
    font-size: 1.25em;
  }

  h3 {
    font-size: 1.05em;
  }

  .caption,
  .head,
  dd,
  legend,
  [aria-current='true'],
  [part~='submit'],
  [part~='confirm-button'] {
    font-weight: 600;
  }

  .skeleton {
    /* Reserves roughly the space of a small matrix, so nothing jumps when it arrives. */
    min-height: 12rem;
    border-radius: ${tokens.radius};
    background: color-mix(in srgb, ${tokens.colorBorder} 35%, transparent);
  }

  .caption {
    margin: 0 0 ${tokens.space2};
  }

  [part~='matrix-grid'] {
    overflow: auto;
    max-width: 100%;
    max-height: var(--chain-order-form-matrix-height, 28rem);
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    /* Typing in a cell never lays out or paints anything outside the matrix. */
    contain: content;
  }

  .row {
    display: grid;
    grid-auto-flow: column;
    grid-template-columns: var(--chain-order-form-row-header-width, 8rem);
    grid-auto-columns: 5.5rem;
    align-items: start;
    width: max-content;
    min-width: 100%;
    border-bottom: 1px solid ${tokens.colorBorder};
    /* Rows out of view are neither laid out nor painted (1,000 inputs stay cheap). */
    content-visibility: auto;
    contain-intrinsic-size: auto 2.75rem;
  }

  .head-row {
    position: sticky;
    top: 0;
    z-index: 2;
    content-visibility: visible;
    background: ${tokens.colorSurface};
  }

  .head,
  .cell,
  [part~='field-input'] {
    padding: ${tokens.space1} ${tokens.space2};
  }

  .head {
    overflow-wrap: anywhere;
  }

  .row-head,
  .corner {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: ${tokens.colorSurface};
  }

  .unavailable {
    display: block;
    text-align: center;
  }

  [aria-invalid='true'] {
    border: 2px solid ${tokens.colorDanger};
  }

  [part~='cell'] {
    width: 4.5rem;
    height: 2rem;
    /* A relayout boundary: a keystroke lays out this input only, not the grid around it. */
    contain: strict;
    padding: ${tokens.space1};
    text-align: end;
  }

  .cell-error {
    display: block;
    font-size: 0.75em;
  }

  [part~='summary'],
  .field {
    display: grid;
    gap: ${tokens.space1};
    align-content: start;
  }

  dl,
  [part~='ladder'],
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.space2};
    margin: 0;
  }

  .actions {
    align-items: center;
  }

  dl {
    column-gap: ${tokens.space4};
  }

  dt,
  [part~='ladder'],
  .field-error {
    font-size: 0.875em;
  }

  dd {
    margin: 0;
  }

  [part~='total'] {
    color: ${tokens.colorPrimary};
  }

  [part~='ladder'] {
    padding: 0;
    list-style: none;
  }

  [part~='ladder'] li {
    padding: 0 ${tokens.space2};
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
  }

  .error,
  .cell-error,
  .field-error,
  [part~='offer-errors'] {
    color: ${tokens.colorDanger};
  }

  [part~='offer-errors'] ul,
  [part~='routing'] ul,
  [part~='confirmation'] ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  fieldset,
  [part~='price-changed'],
  [part~='confirmation'] {
    display: grid;
    gap: ${tokens.space2};
    margin: 0;
    padding: ${tokens.space3};
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
  }

  fieldset {
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  }

  [part~='ladder'] [aria-current='true'],
  [part~='price-changed'] {
    border: 2px solid ${tokens.colorPrimary};
  }

  [part~='confirmation'] {
    border: 2px solid ${tokens.colorSuccess};
  }

  legend {
    padding: 0 ${tokens.space1};
  }

  .wide {
    grid-column: 1 / -1;
  }

  [part~='field-input'] {
    min-height: 2.25rem;
  }

  button {
    min-width: 24px;
    min-height: 2.5rem;
    padding: ${tokens.space2} ${tokens.space4};
    cursor: pointer;
  }

  [part~='submit'],
  [part~='confirm-button'] {
    border-color: ${tokens.colorPrimary};
    background: ${tokens.colorPrimary};
    color: ${tokens.colorSurface};
  }

  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }

  /* Headings that take the focus (the confirmation, the price change) show the ring only for keyboard users. */
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }
`;
