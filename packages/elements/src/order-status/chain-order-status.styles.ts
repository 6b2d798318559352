import { css } from 'lit';
import { focusRing, tokens } from '../internal/theme.js';

export default [
  focusRing,
  css`
    :host {
      display: block;
      color: ${tokens.colorText};
      font-family: ${tokens.fontFamily};
      font-size: ${tokens.fontSize};
      line-height: 1.5;
    }

    [part~='base'] {
      /* The same height loading, loaded or failed: no layout shift when the order arrives. */
      min-height: var(--chain-order-status-min-height, 21rem);
      padding: ${tokens.space4};
      border: 1px solid ${tokens.colorBorder};
      border-radius: ${tokens.radius};
      background: ${tokens.colorSurface};
    }

    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: ${tokens.space2};
      margin-bottom: ${tokens.space3};
    }

    h3,
    h4 {
      margin: 0;
      font-size: 1.125em;
      font-weight: 600;
    }

    h4 {
      font-size: 1em;
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: ${tokens.space1} ${tokens.space4};
      margin: 0;
      font-size: 0.875em;
    }

    .meta div {
      display: flex;
      gap: ${tokens.space1};
    }

    dt {
      opacity: 0.8;
    }

    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }

    [part~='badge'] {
      display: inline-block;
      padding: 0 ${tokens.space2};
      border: 1px solid currentColor;
      border-radius: 999px;
      font-size: 0.8125em;
      white-space: nowrap;
    }

    [part~='badge'][data-status='shipped'],
    [part~='badge'][data-status='accepted'] {
      color: ${tokens.colorSuccess};
    }

    [part~='badge'][data-status='rejected'] {
      color: ${tokens.colorDanger};
    }

    [part~='sub-order'] {
      margin-top: ${tokens.space4};
      padding-top: ${tokens.space3};
      border-top: 1px solid ${tokens.colorBorder};
    }

    .sub-head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: ${tokens.space2};
    }

    [part~='timeline'] {
      margin: ${tokens.space3} 0 0;
      padding: 0;
      list-style: none;
    }

    [part~='step'] {
      position: relative;
      padding: 0 0 ${tokens.space3} 1.75rem;
    }

    [part~='step']::before {
      content: '';
      position: absolute;
      left: 0.3125rem;
      top: 0.375rem;
      width: 0.625rem;
      height: 0.625rem;
      border: 2px solid ${tokens.colorBorder};
      border-radius: 50%;
      background: ${tokens.colorSurface};
    }

    [part~='step']:not(:last-child)::after {
      content: '';
      position: absolute;
      left: 0.6875rem;
      top: 1.125rem;
      bottom: 0;
      border-left: 2px solid ${tokens.colorBorder};
    }

    [part~='step-done']::before {
      border-color: ${tokens.colorSuccess};
      background: ${tokens.colorSuccess};
    }

    [part~='step-current']::before {
      border-color: ${tokens.colorPrimary};
    }

    [part~='step-failed']::before {
      border-color: ${tokens.colorDanger};
      background: ${tokens.colorDanger};
    }

    .step-title {
      font-weight: 600;
    }

    .step-detail {
      font-size: 0.875em;
    }

    .tracking {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      user-select: all;
      overflow-wrap: anywhere;
    }

    [part~='error'] {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: ${tokens.space3};
      color: ${tokens.colorDanger};
    }

    [part~='notice'] {
      margin: ${tokens.space2} 0 0;
      font-size: 0.875em;
      color: ${tokens.colorDanger};
    }

    [part~='retry-button'] {
      min-width: 2.75rem;
      min-height: 2.25rem;
      padding: 0 ${tokens.space4};
      border: 1px solid ${tokens.colorPrimary};
      border-radius: ${tokens.radius};
      background: ${tokens.colorPrimary};
      color: ${tokens.colorSurface};
      font: inherit;
      cursor: pointer;
    }

    .skeleton {
      display: grid;
      gap: ${tokens.space3};
    }

    .bone {
      height: 1rem;
      border-radius: ${tokens.radius};
      background: ${tokens.colorBorder};
      opacity: 0.5;
    }

    .bone.wide {
      width: 60%;
      height: 1.25rem;
    }

    .bone.block {
      height: 4.5rem;
    }

    @media (prefers-reduced-motion: no-preference) {
      .bone {
        animation: pulse 1.5s ease-in-out infinite;
      }
    }

    @keyframes pulse {
      50% {
        opacity: 0.25;
      }
    }
  `,
];
