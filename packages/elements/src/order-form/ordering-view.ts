import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { FIELDS, type FieldDef, type FieldValues } from './buyer-fields.js';

/** The element id of a buyer field's input (`buyer.phone` → `field-buyer-phone`). */
export const fieldId = (path: string): string => `field-${path.replace('.', '-')}`;

/**
 * The buyer and ship-to fieldsets and the note, then what comes after them (the routing preview,
 * the form's error message, the submit button or the price-changed confirmation, rendered by
 * their own views). Each input names its request path in `name`, so the element's delegated
 * `input`/`change` handlers know the field without a listener per input; errors show under their
 * field, with `aria-invalid` and `aria-describedby`. Only rendered outside a merchant's `<form>`.
 *
 * @param values - Request path → what the buyer typed.
 * @param errors - Request path → the field's error text, for the fields reported so far.
 * @param routing - The routing preview.
 * @param formError - The form's error message (a live region, rendered even when empty).
 * @param actions - The submit button, or the price-changed confirmation.
 * @param onSubmit - Handlers of the element (Lit calls them on the host).
 */
export function renderOrdering(
  values: FieldValues,
  errors: ReadonlyMap<string, string>,
  routing: unknown,
  formError: string,
  actions: TemplateResult,
  onSubmit: (event: SubmitEvent) => void,
  onInput: (event: Event) => void,
  onChange: (event: Event) => void,
): TemplateResult {
  const field = (def: FieldDef): TemplateResult => {
    const { path, maxLength, type } = def;
    const id = fieldId(path);
    const error = errors.get(path);
    const value = live(values[path] ?? '');
    const invalid = error ? 'true' : nothing;
    const describedBy = error ? `${id}-error` : nothing;
    return html`<div class="field ${type === 'textarea' ? 'wide' : ''}">
      <label for=${id}>${def.label()}</label>
      ${
        type === 'textarea'
          ? html`<textarea
              id=${id}
              part="field-input"
              name=${path}
              maxlength=${maxLength}
              rows="3"
              aria-invalid=${invalid}
              aria-describedby=${describedBy}
              .value=${value}
            ></textarea>`
          : html`<input
              id=${id}
              part="field-input"
              name=${path}
              type=${type ?? 'text'}
              autocomplete=${def.autocomplete}
              maxlength=${maxLength}
              ?required=${def.required}
              aria-invalid=${invalid}
              aria-describedby=${describedBy}
              .value=${value}
            />`
      }
      ${error ? html`<span id="${id}-error" class="field-error" part="field-error">${error}</span>` : nothing}
    </div>`;
  };
  // Line breaks between parts are text nodes of the DOM: kept as they were.
  // prettier-ignore
  return html`<form
    part="form"
    novalidate
    aria-labelledby="order-title"
    @submit=${onSubmit}
    @input=${onInput}
    @change=${onChange}
  >
    <h3 id="order-title">${msg('Your details', { id: 'orderForm.details' })}</h3>
    <fieldset part="buyer">
      <legend>${msg('Buyer', { id: 'orderForm.fields.buyer' })}</legend>
      ${FIELDS.slice(0, 4).map(field)}
    </fieldset>
    <fieldset part="ship-to">
      <legend>${msg('Ship to', { id: 'orderForm.fields.shipTo' })}</legend>
      ${FIELDS.slice(4, 9).map(field)}
    </fieldset>
    ${field(FIELDS[9]!)}
    ${routing}
    <p part="form-error" class="error" role="alert">${formError}</p>
    ${actions}
  </form>`;
}
