import { defineConfig } from 'vite';

/**
 * Served by `npm start` under /examples/react-vite/ (the same origin as the order server's /v1/).
 * `npm run dev` serves it on http://localhost:5173 (an allowed origin of the demo key) and sends
 * /v1/ to the server started by `npm start`. TSX is compiled by Vite's built-in transform with
 * React's automatic JSX runtime; no plugin is needed.
 */
export default defineConfig({
  base: '/examples/react-vite/',
  server: { proxy: { '/v1/': 'http://127.0.0.1:8787' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
