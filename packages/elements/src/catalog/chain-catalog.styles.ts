import { css } from 'lit';
import { tokens } from '../internal/theme.js';

/*
 * Every card has the same fixed-height blocks (image, two-line title, price, two-line ladder,
 * rules), and a skeleton card is made of the very same blocks, so a skeleton and the card that
 * replaces it take exactly the same space: no layout shift when data arrives.
 */
export default css`
  :host {
    display: block;
    position: relative;
    color: ${tokens.colorText};
    font-family: ${tokens.fontFamily};
    font-size: ${tokens.fontSize};
    line-height: 1.4;
    --_gap: var(--chain-catalog-gap, ${tokens.space3});
    --_line: 1.4em;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: ${tokens.space2} ${tokens.space4};
    align-items: end;
    margin-block-end: ${tokens.space3};
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: ${tokens.space1};
    font-size: 0.875em;
  }

  .search {
    flex: 1 1 14rem;
  }

  input,
  select {
    min-height: 2.5rem;
    padding: ${tokens.space1} ${tokens.space2};
    font-size: 1rem;
  }

  .action {
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: ${tokens.space2} ${tokens.space4};
    border-color: ${tokens.colorPrimary};
    color: ${tokens.colorPrimary};
    cursor: pointer;
  }

  /*
   * The windowed grid: the same columns, card width and gaps as the skeletons; the rows that are
   * not rendered are the padding (set inline), so the list is always as tall as all its rows.
   * No scroll anchoring: rows coming and going above the view must not move the scroll position.
   */
  .list,
  .skeletons {
    display: grid;
    gap: var(--_gap);
    overflow-anchor: none;
  }

  .list,
  .measured {
    grid-template-columns: repeat(var(--_columns), var(--_card-width));
    grid-auto-rows: var(--_card-height);
  }

  :host([scroller]) .list {
    height: var(--chain-catalog-height, 40rem);
    overflow: auto;
  }

  /* Skeletons before the first page: the same columns, card width and gaps as the windowed grid. */
  .skeletons:not(.measured) {
    grid-template-columns: repeat(
      auto-fill,
      minmax(min(100%, var(--chain-catalog-card-min-width, 11rem)), 1fr)
    );
  }

  .skeletons.list-layout:not(.measured) {
    grid-template-columns: minmax(0, 1fr);
  }

  /* The grid sizes and positions each cell; the card fills it. */
  .cell {
    min-width: 0;
  }

  /* Sized by the grid: a card's layout and paint never reach its neighbours. */
  .list .cell {
    contain: strict;
  }

  /*
   * Off-screen sample cards, one per layout, measured for the height of every card. Their gaps
   * (which a block box does not use) give the script the minimum card width and the gap in px.
   */
  .probe {
    position: absolute;
    top: 0;
    left: -10000px;
    width: var(--_card-width, 12rem);
    visibility: hidden;
    column-gap: var(--chain-catalog-card-min-width, 11rem);
    row-gap: var(--_gap);
  }

  .card {
    display: flex;
    flex-direction: column;
    gap: ${tokens.space1};
    width: 100%;
    height: 100%;
    margin: 0;
    padding: 0;
    overflow: hidden;
    border: 1px solid ${tokens.colorBorder};
    border-radius: ${tokens.radius};
    background: ${tokens.colorSurface};
    text-align: start;
  }

  button.card {
    cursor: pointer;
  }

  button.card:hover {
    border-color: ${tokens.colorPrimary};
  }

  .media {
    flex: none;
    height: var(--chain-catalog-image-height, 10rem);
    overflow: hidden;
    background: color-mix(in srgb, currentColor 6%, transparent);
  }

  .media img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  /*
   * Fixed-height text blocks cut at whole lines (--_line is one line of the block's own text).
   * Plain overflow rather than -webkit-line-clamp: the catalog lays out a row of new cards on
   * most frames while the buyer scrolls, and line clamping costs far more layout time.
   */
  /* The text blocks sit directly in the card, inset from its edges. */
  .title,
  .price,
  .ladder,
  .rules {
    margin-inline: ${tokens.space3};
    overflow: hidden;
    overflow-wrap: anywhere;
    text-overflow: ellipsis;
  }

  .price,
  .rules {
    white-space: nowrap;
  }

  .title {
    margin-block-start: ${tokens.space2};
    height: calc(2 * var(--_line));
    font-weight: 600;
  }

  .price {
    height: var(--_line);
    color: var(--chain-catalog-price-color, ${tokens.colorPrimary});
    font-weight: 700;
  }

  .ladder {
    height: calc(2 * var(--_line));
    font-size: 0.875em;
  }

  .rules {
    margin-block-end: ${tokens.space3};
    height: var(--_line);
    font-size: 0.875em;
    color: color-mix(in srgb, currentColor 80%, transparent);
  }

  /* List layout: image on the side, one-line title and ladder. */
  .list-layout .card {
    display: grid;
    grid-template-columns: var(--chain-catalog-thumb-size, 6.5rem) minmax(0, 1fr);
    align-content: start;
    column-gap: 0;
  }

  .list-layout .media {
    grid-row: span 4;
    height: var(--chain-catalog-thumb-size, 6.5rem);
  }

  .list-layout .title,
  .list-layout .ladder {
    height: var(--_line);
    white-space: nowrap;
  }

  .line {
    display: block;
    height: 0.9em;
    margin-block-start: 0.25em;
    border-radius: ${tokens.radius};
    background: color-mix(in srgb, currentColor 10%, transparent);
  }

  .short {
    width: 60%;
  }

  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }

  @keyframes pulse {
    to {
      opacity: 0.55;
    }
  }

  .message {
    display: grid;
    justify-items: start;
    gap: ${tokens.space2};
    padding: ${tokens.space4};
    border: 1px dashed ${tokens.colorBorder};
    border-radius: ${tokens.radius};
  }

  .message p {
    margin: 0;
  }

  [role='alert'] {
    border-color: ${tokens.colorDanger};
    color: ${tokens.colorDanger};
  }
`;
