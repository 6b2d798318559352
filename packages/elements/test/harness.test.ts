import { expect, nextFrame } from '@open-wc/testing';

// Guards the Web Test Runner setup the other suites rely on: fixture() of a plain element
// waits for an animation frame, which a hidden (background) page never gets.
describe('test harness', () => {
  it('runs each test file in a visible page where animation frames fire', async () => {
    expect(document.visibilityState).to.equal('visible');
    await nextFrame();
  });
});
