import { expect } from '@open-wc/testing';
import { OrderRequestSchema, parseWith } from '@chainkit/core';
import { fieldIssues, orderRequest, type FieldValues } from '../src/order-form/buyer-fields.js';

/**
 * The form checks its fields without valibot (kept out of the browser build); these cases pin
 * those checks to core's `OrderRequestSchema`, which the server applies.
 */
const valid: FieldValues = {
  'buyer.name': ' Li Wei ',
  'buyer.phone': '+86 (571) 8888-0000',
  'buyer.email': 'li.wei+orders@example.com.cn',
  'buyer.company': '',
  'shipTo.country': 'cn ',
  'shipTo.region': '',
  'shipTo.city': 'Hangzhou',
  'shipTo.line1': '1 West Lake Road',
  'shipTo.postalCode': ' ',
  note: 'Leave at the gate.\nThanks',
};

const variants: FieldValues[] = [
  valid,
  {},
  { ...valid, 'buyer.name': '   ' },
  { ...valid, 'buyer.name': 'x'.repeat(100) },
  { ...valid, 'buyer.name': 'x'.repeat(101) },
  { ...valid, 'buyer.name': 'Li\tWei' },
  { ...valid, 'buyer.phone': '1234' },
  { ...valid, 'buyer.phone': '12345' },
  { ...valid, 'buyer.phone': '+-()  1234' },
  { ...valid, 'buyer.phone': '12345a' },
  { ...valid, 'buyer.phone': '1'.repeat(31) },
  { ...valid, 'buyer.email': 'not-an-email' },
  { ...valid, 'buyer.email': 'a@b.c' },
  { ...valid, 'buyer.email': `${'a'.repeat(250)}@b.cn` },
  { ...valid, 'buyer.company': 'ACME\nLtd' },
  { ...valid, 'buyer.company': 'y'.repeat(201) },
  { ...valid, 'shipTo.country': 'CHN' },
  { ...valid, 'shipTo.country': 'c1' },
  { ...valid, 'shipTo.region': 'CN-ZJ' },
  { ...valid, 'shipTo.region': 'r'.repeat(101) },
  { ...valid, 'shipTo.city': '' },
  { ...valid, 'shipTo.line1': 'l'.repeat(201) },
  { ...valid, 'shipTo.postalCode': '310000' },
  { ...valid, 'shipTo.postalCode': '3'.repeat(21) },
  { ...valid, note: 'n'.repeat(1001) },
  { ...valid, note: 'bell\u0007' },
];

describe('order form field checks', () => {
  variants.forEach((values, index) => {
    it(`agree with OrderRequestSchema (case ${index})`, () => {
      const lines = [{ skuId: 'tee-red-m', quantity: 12 }];
      const parsed = parseWith(OrderRequestSchema, orderRequest(values, lines, 4200));
      const schemaPaths = parsed.ok ? [] : parsed.issues.map((issue) => issue.path).sort();
      expect(
        fieldIssues(values)
          .map((issue) => issue.path)
          .sort(),
      ).to.deep.equal(schemaPaths);
      if (parsed.ok) expect(orderRequest(values, lines, 4200)).to.deep.equal(parsed.value);
    });
  });
});
