import { expect } from '@open-wc/testing';
import { place } from '../src/internal/place.js';

const viewport = { width: 800, height: 600 };
const popup = { width: 200, height: 100 };
const options = { placement: 'bottom-start' as const, distance: 6, padding: 8 };

describe('place()', () => {
  it('puts the popup below the anchor, aligned to its start', () => {
    const anchor = { left: 100, top: 50, width: 80, height: 30 };
    expect(place(anchor, popup, viewport, options)).to.deep.equal({
      x: 100,
      y: 86,
      placement: 'bottom-start',
    });
  });

  it('aligns to the end and to the centre', () => {
    const anchor = { left: 300, top: 50, width: 80, height: 30 };
    expect(place(anchor, popup, viewport, { ...options, placement: 'bottom-end' }).x).to.equal(180);
    expect(place(anchor, popup, viewport, { ...options, placement: 'bottom' }).x).to.equal(240);
  });

  it('flips to the other side when there is more room there', () => {
    const anchor = { left: 100, top: 540, width: 80, height: 30 };
    expect(place(anchor, popup, viewport, options)).to.deep.equal({ x: 100, y: 434, placement: 'top-start' });
    const right = place({ left: 700, top: 200, width: 40, height: 30 }, popup, viewport, {
      ...options,
      placement: 'right',
    });
    expect(right.placement).to.equal('left');
    expect(right.x).to.equal(494);
  });

  it('shifts along the side to stay inside the viewport, and points the arrow at the anchor', () => {
    const anchor = { left: 760, top: 50, width: 30, height: 30 };
    const placed = place(anchor, popup, viewport, { ...options, arrowSize: 10 });
    expect(placed.x).to.equal(592);
    expect(placed.arrow).to.equal(760 + 15 - 592 - 5);
  });
});
