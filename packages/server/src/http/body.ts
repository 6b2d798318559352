import type { Context } from 'hono';
import { ApiError } from './errors.js';

/**
 * Reads the request body as JSON. An empty body, a body that isn't JSON, or a declared
 * content type other than JSON is a 400/415 with the shared error shape.
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type');
  if (type !== undefined && !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new ApiError('unsupported_media_type', 'Send the request body as application/json');
  }
  const text = await c.req.text();
  if (text.trim() === '') throw new ApiError('invalid_json', 'The request body is empty; send a JSON object');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('invalid_json', 'The request body is not valid JSON');
  }
}
