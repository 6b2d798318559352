import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** CSS property name (kebab-case or `--custom`) → value; `undefined` removes the property. */
export type StyleProps = Readonly<Record<string, string | undefined>>;

/**
 * Sets inline style properties through the CSSOM (`style.setProperty`), always — including on the
 * first render, where Lit's `styleMap` writes a `style` attribute, which a page's
 * `style-src 'self'` Content Security Policy refuses. Goes on the element itself:
 * `<div ${styleProps({ '--_columns': '4' })}>`. Properties dropped from one render to the next
 * are removed. Every element sets inline styles from templates this way, never with `styleMap`
 * or a `style=` binding (the CSP tests check it).
 */
class StylePropsDirective extends Directive {
  #applied = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) {
      throw new TypeError('styleProps goes on an element: <div ${styleProps({ … })}>');
    }
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    const applied = new Set<string>();
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined) continue;
      if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
      applied.add(name);
    }
    for (const name of this.#applied) if (!applied.has(name)) style.removeProperty(name);
    this.#applied = applied;
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
