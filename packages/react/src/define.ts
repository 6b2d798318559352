/**
 * Side-effect entry: registers every Chainkit element (the same as `@chainkit/elements/define`).
 * Import it once in the browser entry of the app, not in modules that render on the server.
 */
import '@chainkit/elements/define';
