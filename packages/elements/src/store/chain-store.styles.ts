import { css } from 'lit';

export default css`
  :host {
    /* The store adds no box: its children lay out as if it were not there. */
    display: contents;
  }
`;
