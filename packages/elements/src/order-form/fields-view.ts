import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { BUYER_FIELDS, NOTE_FIELD, SHIP_TO_FIELDS, type FieldDef, type FieldValues } from './buyer-fields.js';

/** The id of a field's input (`buyer.phone` → `field-buyer-phone`). */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}

function renderField(
  field: FieldDef,
  values: FieldValues,
  errors: ReadonlyMap<string, string>,
): TemplateResult {
  const id = fieldId(field.path);
  const error = errors.get(field.path);
  const errorId = `${id}-error`;
  const common = {
    invalid: error === undefined ? undefined : 'true',
    describedBy: error === undefined ? undefined : errorId,
  };
  const value = live(values[field.path] ?? '');
  const input =
    field.type === 'textarea'
      ? html`<textarea
          id=${id}
          part="field-input"
          name=${field.path}
          maxlength=${field.maxLength}
          rows="3"
          aria-invalid=${ifDefined(common.invalid)}
          aria-describedby=${ifDefined(common.describedBy)}
          .value=${value}
        ></textarea>`
      : html`<input
          id=${id}
          part="field-input"
          name=${field.path}
          type=${field.type ?? 'text'}
          autocomplete=${field.autocomplete}
          maxlength=${field.maxLength}
          ?required=${field.required}
          aria-invalid=${ifDefined(common.invalid)}
          aria-describedby=${ifDefined(common.describedBy)}
          .value=${value}
        />`;
  return html`<div class="field ${field.type === 'textarea' ? 'wide' : ''}">
    <label for=${id}>${field.label()}</label>
    ${input}
    ${error === undefined ? nothing : html`<span id=${errorId} class="field-error" part="field-error">${error}</span>`}
  </div>`;
}

/**
 * The buyer and ship-to fieldsets and the note. Each input names its request path in `name`;
 * errors show under their field, with `aria-invalid` and `aria-describedby`.
 */
export function renderFields(values: FieldValues, errors: ReadonlyMap<string, string>): TemplateResult {
  return html`<fieldset part="buyer">
      <legend>${msg('Buyer', { id: 'orderForm.fields.buyer' })}</legend>
      ${BUYER_FIELDS.map((field) => renderField(field, values, errors))}
    </fieldset>
    <fieldset part="ship-to">
      <legend>${msg('Ship to', { id: 'orderForm.fields.shipTo' })}</legend>
      ${SHIP_TO_FIELDS.map((field) => renderField(field, values, errors))}
    </fieldset>
    ${renderField(NOTE_FIELD, values, errors)}`;
}
