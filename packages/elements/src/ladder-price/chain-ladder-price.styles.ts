import { css } from 'lit';
import { tokens } from '../internal/theme.js';

export default css`
  :host {
    display: block;
    color: ${tokens.colorText};
    font-family: ${tokens.fontFamily};
    font-size: ${tokens.fontSize};
    line-height: 1.4;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: ${tokens.space3};
  }

  button,
  input {
    font: inherit;
    color: inherit;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  th,
  td {
    padding: ${tokens.space2} ${tokens.space3};
    border-bottom: 1px solid ${tokens.colorBorder};
  }

  th {
    font-size: 0.875em;
    font-weight: 600;
    text-align: start;
  }

  tr > :last-child {
    text-align: end;
  }

  p {
    margin: 0;
  }

  [aria-current] td {
    background: var(
      --chain-ladder-current-background,
      color-mix(in srgb, ${tokens.colorPrimary} 12%, transparent)
    );
    font-weight: 700;
  }

  [aria-current] td:first-child {
    box-shadow: inset 3px 0 0 ${tokens.colorPrimary};
  }

  .current-label {
    margin-inline-start: ${tokens.space2};
    padding: 0 ${tokens.space1};
    border: 1px solid currentColor;
    border-radius: ${tokens.radius};
    font-size: 0.75em;
    font-weight: 600;
  }

  .quantity {
    display: flex;
    flex-direction: column;
    gap: ${tokens.space1};
  }

  .stepper {
    display: flex;
    width: max-content;
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
  }

  .step {
    min-width: 2.75rem;
    min-height: 2.75rem;
    border: 0;
    background: none;
    font-size: 1.25em;
    cursor: pointer;
  }

  .step:disabled {
    cursor: not-allowed;
    opacity: 0.45;
  }

  input {
    width: 6.5em;
    min-height: 2.75rem;
    border: 0;
    border-inline: 1px solid ${tokens.colorBorder};
    background: none;
    text-align: center;
    font-variant-numeric: tabular-nums;
    appearance: textfield;
  }

  input::-webkit-inner-spin-button,
  input::-webkit-outer-spin-button {
    appearance: none;
    margin: 0;
  }

  .rules {
    font-size: 0.875em;
    opacity: 0.8;
  }

  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.space1} ${tokens.space4};
    align-items: baseline;
    font-variant-numeric: tabular-nums;
  }

  .total {
    color: var(--chain-ladder-total-color, ${tokens.colorPrimary});
    font-size: 1.25em;
    font-weight: 700;
  }

  /* Savings and nudge keep their line when empty: stepping through the tiers moves nothing. */
  .savings {
    min-height: 1.4em;
    color: ${tokens.colorSuccess};
  }

  .nudge {
    min-height: calc(1.4em + 2 * ${tokens.space1} + 2px);
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.space2};
    align-items: center;
  }

  .action,
  .info {
    min-width: 1.5rem;
    min-height: 1.5rem;
    padding: ${tokens.space1} ${tokens.space3};
    border: 1px solid ${tokens.colorPrimary};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
    color: ${tokens.colorPrimary};
    cursor: pointer;
  }

  .info {
    align-self: start;
    border-style: dashed;
  }

  [popover] {
    /* Its own width, not the room beside the button: there the text would wrap to fit rather
       than the popover flip (CSS anchor positioning tries each side at the width it gets). */
    width: max-content;
    max-width: min(22rem, calc(100vw - 2rem));
    margin: 0;
    padding: ${tokens.space3};
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
    color: ${tokens.colorText};
    font-size: 0.875rem;
    line-height: 1.5;
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
  }

  [popover] strong {
    display: block;
    margin-block-end: ${tokens.space1};
  }

  .message {
    padding: ${tokens.space4};
    border: 1px dashed;
    border-radius: ${tokens.radius};
    color: ${tokens.colorDanger};
    align-items: start;
  }

  .line {
    display: block;
    height: 1.4em;
    border-radius: ${tokens.radius};
    background: color-mix(in srgb, currentColor 10%, transparent);
  }

  .short {
    width: 40%;
    margin-inline-start: auto;
  }

  .label {
    width: 8rem;
  }

  .stepper-box {
    width: calc(6.5em + 5.5rem + 2px);
    height: calc(2.75rem + 2px);
  }

  .rules-line {
    width: 12rem;
    /* 1.4 × 0.875em */
    height: 1.225em;
  }

  .info-line {
    width: 14rem;
    height: calc(1.4em + 2 * ${tokens.space1} + 2px);
  }

  .total-line {
    width: 16rem;
    /* 1.4 × 1.25em */
    height: 1.75em;
  }

  @media (prefers-reduced-motion: no-preference) {
    .line {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }

  @keyframes pulse {
    to {
      opacity: 0.55;
    }
  }
`;
