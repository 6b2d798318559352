/**
 * Config for `npm run build:cem`: writes `custom-elements.json` (the Custom Elements Manifest)
 * from the JSDoc of `src/`. The analyzer's Lit support reads `static properties`, `declare`
 * fields, `@fires`, `@slot`, `@csspart` and `@cssprop` by itself; `chainkitConventions` adds what
 * it cannot know about Chainkit's own conventions (see its comment).
 */

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/locales/**', 'src/**/translations/**'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; the analyzer must not rewrite that file.
  packagejson: false,
  plugins: [chainkitConventions()],
};

/**
 * Teaches the analyzer Chainkit's conventions:
 *
 * - Tags are registered by `define('chain-x', ChainX)` in each element's `define.ts`, not by
 *   `customElements.define` or a decorator, so the analyzer finds no tag. This marks the class
 *   as a custom element with its `tagName` and adds the `custom-element-definition` export, and
 *   drops the bogus definition it reads from `define()`'s own `customElements.define(tagName, ctor)`.
 * - Event detail types live in `ChainEventMap` augmentations (`declare module
 *   '../internal/events.js'`), not in `@fires {Type}`; each `chain-*` event gets
 *   `CustomEvent<Detail>` from there.
 * - Class docs start with `@summary` and put the long text in `@description`, which the analyzer
 *   does not read.
 * - `static properties` entries with `state: true` and `#private` fields are internal: removed.
 */
function chainkitConventions() {
  /** @type {Map<string, string>} class name → tag */
  const tags = new Map();
  /** @type {Map<string, string>} tag → module path of its define.ts */
  const definedIn = new Map();
  /** @type {Map<string, string>} event name → detail type text */
  const details = new Map();
  /** @type {Map<string, string>} class name → @description text */
  const descriptions = new Map();
  /** @type {Map<string, Set<string>>} class name → internal reactive state names */
  const states = new Map();

  return {
    name: 'chainkit-conventions',
    analyzePhase({ ts, node, moduleDoc }) {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'define'
      ) {
        const [tag, ctor] = node.arguments;
        if (
          tag &&
          ctor &&
          ts.isStringLiteral(tag) &&
          ts.isIdentifier(ctor) &&
          tag.text.startsWith('chain-')
        ) {
          tags.set(ctor.text, tag.text);
          definedIn.set(tag.text, moduleDoc.path);
        }
      }
      if (
        ts.isModuleDeclaration(node) &&
        ts.isStringLiteral(node.name) &&
        node.name.text.endsWith('/events.js')
      ) {
        node.body?.statements?.forEach((statement) => {
          if (!ts.isInterfaceDeclaration(statement) || statement.name.text !== 'ChainEventMap') return;
          for (const member of statement.members) {
            if (ts.isPropertySignature(member) && member.type && ts.isStringLiteral(member.name)) {
              details.set(member.name.text, member.type.getText());
            }
          }
        });
      }
      if (ts.isClassDeclaration(node) && node.name) {
        const description = node.jsDoc
          ?.flatMap((doc) => doc.tags ?? [])
          .find((tag) => tag.tagName.text === 'description');
        if (description)
          descriptions.set(node.name.text, ts.getTextOfJSDocComment(description.comment) ?? '');
        for (const member of node.members) {
          if (!ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
          if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
          const internal = new Set();
          for (const entry of member.initializer.properties) {
            if (ts.isPropertyAssignment(entry) && /\bstate\s*:\s*true\b/.test(entry.initializer.getText())) {
              internal.add(entry.name.getText());
            }
          }
          states.set(node.name.text, internal);
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const classModules = new Map();
      for (const mod of customElementsManifest.modules) {
        mod.exports = mod.exports?.filter(
          (exp) => exp.kind !== 'custom-element-definition' || exp.name.startsWith('chain-'),
        );
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          classModules.set(declaration.name, mod.path);
          tidyClass(declaration);
        }
      }
      for (const [className, tag] of tags) {
        const mod = customElementsManifest.modules.find((m) => m.path === definedIn.get(tag));
        const classModule = classModules.get(className);
        if (!mod || !classModule)
          throw new Error(`custom-elements manifest: no class ${className} for <${tag}>`);
        mod.exports = [
          ...(mod.exports ?? []).filter((exp) => exp.name !== tag),
          {
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: className, module: classModule },
          },
        ];
      }
    },
  };

  function tidyClass(declaration) {
    const tag = tags.get(declaration.name);
    if (tag) {
      declaration.customElement = true;
      declaration.tagName = tag;
    } else {
      // ChainElement extends LitElement but is a base class with no tag of its own.
      delete declaration.customElement;
    }
    if (!declaration.description && descriptions.has(declaration.name)) {
      declaration.description = descriptions.get(declaration.name);
    }
    const internal = states.get(declaration.name) ?? new Set();
    declaration.members = declaration.members?.filter(
      (member) => !member.name.startsWith('#') && !internal.has(member.name),
    );
    declaration.attributes = declaration.attributes?.filter(
      (attribute) => !internal.has(attribute.fieldName),
    );
    for (const event of declaration.events ?? []) {
      if (event.type?.text) continue;
      const detail = details.get(event.name);
      event.type = { text: detail ? `CustomEvent<${detail}>` : 'Event' };
    }
  }
}
