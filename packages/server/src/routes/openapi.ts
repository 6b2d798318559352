/** `GET /v1/openapi.json`: public, no key; any origin may read it. */
import { Hono } from 'hono';
import type { AppEnv } from '../app-types.js';
import { openApiDocument } from '../openapi/document.js';

export function openapiRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const text = JSON.stringify(openApiDocument);
  app.get('/openapi.json', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Content-Type', 'application/json');
    return c.body(text);
  });
  return app;
}
