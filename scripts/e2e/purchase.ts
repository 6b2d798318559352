/**
 * The purchase steps both shops share in the end-to-end tests: the parka's colour × size matrix
 * filled across two colours until the mixed batch reaches the 120+ tier, then the checkout with
 * its confirmation. Each shop opens the offer and follows the order its own way.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Fills `#order-form` with 60 black parkas (the 36–119 tier: ¥172.00, ¥10,320.00), then 60 khaki
 * ones (120 in the mixed batch: ¥158.00 each, ¥18,960.00), checking the tier and total move and
 * that the page's `#ladder` follows. Returns the form.
 */
export async function fillParkaMixedBatch(page: Page): Promise<Locator> {
  const form = page.locator('#order-form');
  const cell = (sku: string) => form.locator(`input[data-sku="${sku}"]`);
  await cell('padded-parka-black-m').waitFor();
  const unitPrice = form.locator('[part~="unit-price"]');
  const total = form.locator('[part~="total"]').first();

  await cell('padded-parka-black-m').fill('30');
  await cell('padded-parka-black-l').fill('30');
  await expect.poll(() => unitPrice.textContent()).toContain('172.00');
  await expect.poll(() => total.textContent()).toContain('10,320.00');

  await cell('padded-parka-khaki-m').fill('30');
  await cell('padded-parka-khaki-l').fill('30');
  await expect.poll(() => unitPrice.textContent()).toContain('158.00');
  await expect.poll(() => total.textContent()).toContain('18,960.00');
  await expect.poll(() => form.locator('[part~="quantity"]').first().textContent()).toContain('120');
  const currentTier = form.locator('[part~="ladder"] [aria-current="true"]');
  await expect.poll(() => currentTier.textContent()).toContain('120');
  await expect.poll(() => page.locator('#ladder [part~="tier-current"]').textContent()).toContain('158.00');
  return form;
}

/** The buyer's details as typed into the form (the shops use different languages). */
export interface Buyer {
  readonly name: string;
  readonly city: string;
  readonly line1: string;
}

/**
 * Fills buyer and ship-to, places the order, and checks the confirmation: an order number, one
 * sub-order for the Changshu down factory, and the ¥18,960.00 total.
 */
export async function placeParkaOrder(form: Locator, buyer: Buyer): Promise<void> {
  const field = (name: string) => form.locator(`[part~="field-input"][name="${name}"]`);
  await field('buyer.name').fill(buyer.name);
  await field('buyer.phone').fill('+86 138 0013 8000');
  await field('shipTo.region').fill('CN-ZJ');
  await field('shipTo.city').fill(buyer.city);
  await field('shipTo.line1').fill(buyer.line1);
  await form.locator('[part~="submit"]').click();

  await form.locator('[part~="confirmation"]').waitFor({ timeout: 60_000 });
  expect((await form.locator('[part~="order-number"]').textContent())?.trim()).not.toBe('');
  await expect.poll(() => form.locator('[part~="factory-order"]').count()).toBe(1);
  expect(await form.locator('[part~="factory-order"]').textContent()).toMatch(
    /Changshu Bingjie|常熟冰洁羽绒服饰|f-changshu-down/,
  );
  expect(await form.locator('[part~="order-total"]').textContent()).toContain('18,960.00');
}
