import { msg, str } from '@lit/localize';
import type { SubmitOutcome } from './order-submission.js';

// The form's own sentences (load, validation and submission outcomes), apart from the element so
// that its logic reads as logic. Functions, not constants: `msg()` must run at render time to
// follow the page's locale.

export const notConfigured = (): string =>
  msg('This order form has no store to talk to (set api and key, or put it in a <chain-store>).', {
    id: 'orderForm.notConfigured',
  });

export function valueMissing(): string {
  return msg('Enter a quantity for at least one item.', { id: 'orderForm.valueMissing' });
}

/** Why the offer did not load: gone for good (`notFound`), or worth another try. */
export const loadErrorText = (notFound: boolean): string =>
  notFound
    ? msg('This offer is not sold any more.', { id: 'orderForm.loadNotFound' })
    : msg('The offer could not be loaded. Check your connection and try again.', {
        id: 'orderForm.loadFailed',
      });

export const quantityProblem = (): string =>
  msg('Some quantities cannot be ordered as they are; see the notes in the table.', {
    id: 'orderForm.quantityProblem',
  });

export const checkFields = (count: number): string =>
  msg(str`Check ${count} highlighted field(s).`, { id: 'orderForm.checkFields' });

export const rejectedFields = (): string =>
  msg('The store did not accept some details; check the highlighted fields.', {
    id: 'orderForm.rejectedFields',
  });

/** Why an attempt failed, and what to do: after no answer, that retrying cannot order twice. */
export const failureText = ({ reason, code }: Extract<SubmitOutcome, { kind: 'failed' }>): string =>
  reason === 'unknown'
    ? msg(
        'The store could not be reached, so the order may not have been placed. Try again: an order that did go through will not be placed twice.',
        { id: 'orderForm.networkError' },
      )
    : reason === 'rate-limited'
      ? msg('Too many attempts. Wait a moment, then try again.', { id: 'orderForm.rateLimited' })
      : msg(str`The order could not be placed (${code}).`, { id: 'orderForm.failed' });
