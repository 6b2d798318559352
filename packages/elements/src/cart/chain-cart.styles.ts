import { css } from 'lit';
import { tokens } from '../internal/theme.js';

export default css`
  :host {
    display: inline-block;
    color: ${tokens.colorText};
    font-family: ${tokens.fontFamily};
    font-size: ${tokens.fontSize};
    line-height: 1.5;
  }

  button {
    min-width: 24px;
    min-height: 24px;
    cursor: pointer;
  }

  #toggle {
    display: inline-flex;
    align-items: center;
    gap: ${tokens.space2};
    min-height: 2.5rem;
    padding: ${tokens.space2} ${tokens.space3};
  }

  .count {
    min-width: 1.5rem;
    padding: 0 ${tokens.space2};
    border-radius: 999px;
    background: ${tokens.colorPrimary};
    color: ${tokens.colorSurface};
    font-weight: 600;
    text-align: center;
  }

  #panel {
    width: min(var(--chain-cart-panel-width, 26rem), calc(100vw - 1rem));
    max-height: min(36rem, calc(100vh - 2rem));
    overflow: auto;
    padding: ${tokens.space3};
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
    color: ${tokens.colorText};
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.2);
  }

  .panel-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: ${tokens.space2};
  }

  h2,
  h3 {
    margin: 0;
    font-size: 1em;
    line-height: 1.3;
  }

  h2 {
    font-size: 1.15em;
  }

  .close,
  .remove {
    padding: 0 ${tokens.space2};
  }

  .offers,
  .lines {
    display: grid;
    gap: ${tokens.space2};
    margin: ${tokens.space2} 0;
    padding: 0;
    list-style: none;
  }

  .offer {
    padding-bottom: ${tokens.space2};
    border-bottom: 1px solid ${tokens.colorBorder};
  }

  .tier,
  .offer-subtotal,
  .error {
    margin: 0;
    font-size: 0.875em;
  }

  .line {
    display: grid;
    grid-template-columns: 1fr 5rem auto auto;
    align-items: center;
    gap: ${tokens.space2};
  }

  input {
    width: 100%;
    min-height: 2rem;
    padding: ${tokens.space1};
    text-align: end;
  }

  [aria-invalid='true'] {
    border: 2px solid ${tokens.colorDanger};
  }

  .line-error {
    grid-column: 1 / -1;
    font-size: 0.8em;
    color: ${tokens.colorDanger};
  }

  .error {
    padding-inline-start: 1.25rem;
    color: ${tokens.colorDanger};
  }

  .summary {
    margin: ${tokens.space2} 0;
  }

  .checkout {
    width: 100%;
    min-height: 2.5rem;
    border: 1px solid ${tokens.colorPrimary};
    background: ${tokens.colorPrimary};
    color: ${tokens.colorSurface};
    font-weight: 600;
  }

  .checkout:disabled {
    cursor: progress;
    opacity: 0.7;
  }

  [tabindex='-1']:focus {
    outline: none;
  }
`;
