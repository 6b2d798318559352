import { localize, type Offer } from '@chainkit/core';
import { msg } from '@lit/localize';

/** How an offer's SKU attributes and their values read for the buyer, in one locale. */
export interface AttributeText {
  /** The attribute's name: `color` → `颜色`. */
  name(attribute: string): string;
  /** One of its values: `Black` → `黑色`. */
  value(attribute: string, value: string): string;
  /** The values of the attributes `names`, one each (`''`, kept as is, where a SKU has none). */
  values(names: readonly string[], values: readonly string[]): string[];
}

/** The name of an attribute without a label of its own: common names translated, others as written. */
function commonName(name: string): string {
  const key = name.toLowerCase();
  return /^colou?r$/.test(key)
    ? msg('Colour', { id: 'orderForm.attribute.color' })
    : key === 'size'
      ? msg('Size', { id: 'orderForm.attribute.size' })
      : key === 'material'
        ? msg('Material', { id: 'orderForm.attribute.material' })
        : key === 'style'
          ? msg('Style', { id: 'orderForm.attribute.style' })
          : name;
}

/**
 * `offer`'s `attributeLabels` in `locale`; what they leave out is shown as the catalog writes it
 * (values) or, for common attribute names, in the page's text language.
 */
export function attributeText(offer: Offer | undefined, locale: string): AttributeText {
  const labels = offer?.attributeLabels;
  const value = (attribute: string, value: string): string => {
    const text = labels?.[attribute]?.values?.[value];
    return text === undefined ? value : localize(text, locale);
  };
  return {
    name: (attribute) => {
      const text = labels?.[attribute]?.name;
      return text === undefined ? commonName(attribute) : localize(text, locale);
    },
    value,
    values: (names, values) => values.map((text, i) => text && value(names[i]!, text)),
  };
}
