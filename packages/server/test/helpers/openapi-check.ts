/**
 * Validates real responses against the OpenAPI document's response schemas
 * (JSON Schema 2020-12, with `#/components/schemas/…` references resolved against the document).
 */
import { Validator } from '@cfworker/json-schema';
import { openApiDocument } from '../../src/openapi/document.js';

type Json = Record<string, unknown>;
const doc = openApiDocument as unknown as Json;
const paths = doc.paths as Record<string, Record<string, Json>>;
const components = doc.components as Json;

/** Every (template, method, status) a check saw. */
export const exercised = new Set<string>();

export function documentedOperations(): string[] {
  return Object.entries(paths).flatMap(([template, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${template}`),
  );
}

/**
 * Checks that `status` is documented for the operation and that the body matches its schema.
 * Returns the parsed body.
 */
export async function checkResponse(response: Response, method: string, template: string): Promise<unknown> {
  const operation = paths[template]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${template} is not in the OpenAPI document`);
  const responses = operation.responses as Record<string, Json>;
  const documented = responses[String(response.status)];
  if (!documented) throw new Error(`${method} ${template} → ${response.status} is not documented`);
  exercised.add(`${method.toUpperCase()} ${template} ${response.status}`);
  const content = documented.content as Record<string, { schema: Json }> | undefined;
  const text = await response.text();
  if (!content) return text;
  const schema = content['application/json']?.schema;
  if (!schema) throw new Error(`${method} ${template} → ${response.status} has no JSON schema`);
  const body: unknown = JSON.parse(text);
  const validator = new Validator({ ...schema, components } as never, '2020-12', false);
  const result = validator.validate(body);
  if (!result.valid) {
    const errors = result.errors
      .filter((e) => !e.error.startsWith('A subschema had errors'))
      .slice(0, 8)
      .map((e) => `${e.instanceLocation}: ${e.error}`);
    throw new Error(
      `${method} ${template} → ${response.status} does not match its schema:\n${errors.join('\n')}`,
    );
  }
  return body;
}
