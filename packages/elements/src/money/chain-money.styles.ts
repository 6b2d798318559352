import { css } from 'lit';

export default css`
  :host {
    display: inline;
    color: var(--chain-money-color, inherit);
    /* A price never breaks between its symbol and its digits. */
    white-space: nowrap;
  }
`;
