import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

/** Ids of the toggle and the popover inside the element's shadow root. */
export const MIXED_BATCH_TOGGLE_ID = 'mixed-batch-toggle';
export const MIXED_BATCH_POPOVER_ID = 'mixed-batch';

/**
 * The "mixed batch (混批)" button and the popover explaining it. The popover is `popover="auto"`:
 * in the top layer (never clipped by the merchant's `overflow` or `transform`), closed by Escape
 * or a click outside. Its placement and open state belong to the element's `PlacementController`.
 */
export function renderMixedBatchHelp(open: boolean, toggle: () => void): TemplateResult {
  return html`<button
      id=${MIXED_BATCH_TOGGLE_ID}
      part="mixed-batch-button"
      class="info"
      type="button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${MIXED_BATCH_POPOVER_ID}
      @click=${toggle}
    >
      ${msg('Mixed batch: how is the tier picked?', { id: 'ladder.mixedBatchButton' })}
    </button>
    <div id=${MIXED_BATCH_POPOVER_ID} part="popover" popover="auto">
      <strong>${msg('Mixed batch (混批)', { id: 'ladder.mixedBatchTitle' })}</strong>
      <p>
        ${msg(
          'Every colour and size of this offer counts towards one total. That total picks the price tier for all of them, and the minimum order applies to the total, not to each SKU.',
          { id: 'ladder.mixedBatchText' },
        )}
      </p>
    </div>`;
}
