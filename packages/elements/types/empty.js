// Runtime stand-in for the types-only entry points `@chainkit/elements/jsx` and
// `@chainkit/elements/vue`, so `import '@chainkit/elements/jsx'` also works in bundlers.
export {};
