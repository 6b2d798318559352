import { css } from 'lit';

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
