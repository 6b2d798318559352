import { expect } from '@open-wc/testing';
import { windowRange } from '../src/catalog/grid-window.js';

const geometry = { columns: 4, cardWidth: 200, cardHeight: 300, gap: 20 };

describe('windowRange()', () => {
  it('renders the whole rows that meet the band, the others as padding', () => {
    // 100 cells → 25 rows of 320 px pitch; the band 700..1300 meets rows 2..4.
    expect(windowRange(100, geometry, 700, 1300)).to.deep.equal({
      first: 8,
      end: 20,
      before: 640,
      after: 20 * 320,
    });
  });

  it('clamps to the first and the last row, and ends at the last cell', () => {
    expect(windowRange(10, geometry, -500, 200)).to.deep.equal({ first: 0, end: 4, before: 0, after: 640 });
    expect(windowRange(10, geometry, 5000, 9000)).to.deep.equal({ first: 8, end: 10, before: 640, after: 0 });
  });

  it('renders nothing for no cells and everything while the card height is unknown', () => {
    expect(windowRange(0, geometry, 0, 1000)).to.deep.equal({ first: 0, end: 0, before: 0, after: 0 });
    expect(windowRange(7, { ...geometry, cardHeight: 0, gap: 0 }, 0, 1000)).to.deep.equal({
      first: 0,
      end: 7,
      before: 0,
      after: 0,
    });
  });
});
