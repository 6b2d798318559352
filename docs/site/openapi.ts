/**
 * The HTTP API reference, generated at build time from the server's own OpenAPI document
 * (`openApiDocument` in packages/server/src/openapi/document.ts, served at
 * `GET /v1/openapi.json`): every operation with its keys, parameters, body and responses, then
 * every schema with its fields. Nothing here is hand-copied, so the page cannot drift from the
 * document, which the server's tests hold to the real responses.
 */
import { marked } from 'marked';
import { escapeHtml } from './slug.js';

type Schema = {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly Schema[];
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Schema;
  readonly description?: string;
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
};

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: Schema;
  readonly description?: string;
}

interface Operation {
  readonly summary?: string;
  readonly security?: readonly Record<string, unknown>[];
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: Schema }> };
  readonly responses?: Record<
    string,
    { readonly description?: string; readonly content?: Record<string, { readonly schema?: Schema }> }
  >;
}

export interface OpenApiDocument {
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  readonly components: {
    readonly securitySchemes: Record<string, { readonly description?: string }>;
    readonly schemas: Record<string, Schema>;
  };
  readonly paths: Record<string, Record<string, Operation>>;
}

const inline = (text = ''): string => marked.parseInline(text, { async: false });
const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;
const schemaId = (name: string): string => `schema-${name.toLowerCase()}`;
/** `GET /v1/orders/{id}` → `get-v1-orders-id`. */
export const operationId = (method: string, path: string): string =>
  `${method}-${path}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-+$/, '');

/** A short type for a schema, with links to named schemas. */
function typeOf(schema: Schema | undefined): string {
  if (!schema) return 'any';
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? schema.$ref;
    return `<a href="#${schemaId(name)}">${escapeHtml(name)}</a>`;
  }
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' | ');
  if (schema.enum) return schema.enum.map((value) => code(JSON.stringify(value))).join(' | ');
  if (schema.type === 'array') return `${typeOf(schema.items)}[]`;
  if (schema.type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object') {
    return `{ [key]: ${typeOf(schema.additionalProperties)} }`;
  }
  return escapeHtml(schema.type ?? 'any') + (schema.format ? ` (${escapeHtml(schema.format)})` : '');
}

/** Limits worth stating next to a field. */
function constraints(schema: Schema): string {
  const notes: string[] = [];
  if (schema.pattern) notes.push(`pattern ${code(schema.pattern)}`);
  if (schema.minimum !== undefined) notes.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) notes.push(`≤ ${schema.maximum}`);
  if (schema.minLength !== undefined) notes.push(`length ≥ ${schema.minLength}`);
  if (schema.maxLength !== undefined) notes.push(`length ≤ ${schema.maxLength}`);
  if (schema.minItems !== undefined) notes.push(`≥ ${schema.minItems} items`);
  if (schema.maxItems !== undefined) notes.push(`≤ ${schema.maxItems} items`);
  return notes.join(', ');
}

/** A description followed by its limits in brackets, e.g. `One per checkout attempt. (length ≤ 255)`. */
function withConstraints(description: string, limits: string): string {
  return [description, limits ? `(${limits})` : ''].filter(Boolean).join(' ');
}

/** Rows for an object's fields; inline objects (and arrays of them) are flattened as `a.b`, `a[].b`. */
function fieldRows(schema: Schema, prefix = ''): string[][] {
  const rows: string[][] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    const required = schema.required?.includes(name) ? 'yes' : '';
    const nested =
      field.type === 'array' && field.items?.properties ? field.items : field.properties ? field : undefined;
    const type = nested ? (nested === field ? 'object' : 'object[]') : typeOf(field);
    const note = withConstraints(inline(field.description), constraints(field));
    rows.push([code(path), type, required, note]);
    if (nested) rows.push(...fieldRows(nested, nested === field ? `${path}.` : `${path}[].`));
  }
  return rows;
}

function table(columns: readonly string[], rows: readonly string[][], kind: string): string {
  if (rows.length === 0) return '';
  const head = columns.map((column) => `<th scope="col">${column}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table class="api-table" data-api="${kind}"><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>\n`;
}

function operationHtml(
  document: OpenApiDocument,
  method: string,
  path: string,
  operation: Operation,
): string {
  const schemes = document.components.securitySchemes;
  const keys = (operation.security ?? [])
    .flatMap((requirement) => Object.keys(requirement))
    .map((name) => `${escapeHtml(name)} (${inline(schemes[name]?.description)})`);
  const parameters = (operation.parameters ?? []).map((parameter) => [
    code(parameter.name),
    escapeHtml(parameter.in),
    typeOf(parameter.schema),
    parameter.required ? 'yes' : '',
    withConstraints(inline(parameter.description), parameter.schema ? constraints(parameter.schema) : ''),
  ]);
  const body = operation.requestBody?.content?.['application/json']?.schema;
  const responses = Object.entries(operation.responses ?? {}).map(([status, response]) => [
    code(status),
    inline(response.description),
    response.content?.['application/json']?.schema ? typeOf(response.content['application/json'].schema) : '',
  ]);
  return [
    `<h3 id="${operationId(method, path)}">${code(`${method.toUpperCase()} ${path}`)}</h3>`,
    `<p>${inline(operation.summary)}</p>`,
    `<p><strong>Keys:</strong> ${keys.length > 0 ? keys.join(' or ') : 'none'}</p>`,
    parameters.length > 0 ? '<p><strong>Parameters</strong></p>' : '',
    table(['Name', 'In', 'Type', 'Required', 'Description'], parameters, 'parameters'),
    body ? `<p><strong>Request body</strong> (JSON): ${typeOf(body)}</p>` : '',
    '<p><strong>Responses</strong></p>',
    table(['Status', 'Meaning', 'Body'], responses, 'responses'),
  ].join('\n');
}

/** The whole reference: operations, then schemas. */
export function openApiHtml(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => operationHtml(document, method, path, operation)),
  );
  const schemas = Object.entries(document.components.schemas).map(([name, schema]) => {
    const rows = fieldRows(schema);
    const description = schema.description ? `<p>${inline(schema.description)}</p>` : '';
    const shape =
      rows.length > 0
        ? table(['Field', 'Type', 'Required', 'Description'], rows, 'schema')
        : `<p>${typeOf(schema)}</p>`;
    return `<h3 id="${schemaId(name)}">${escapeHtml(name)}</h3>\n${description}${shape}`;
  });
  return [
    `<p>${escapeHtml(document.info.title)}, API version ${escapeHtml(document.info.version)}. ${inline(document.info.description)}</p>`,
    '<h2 id="operations">Operations</h2>',
    ...operations,
    '<h2 id="schemas">Schemas</h2>',
    ...schemas,
  ].join('\n');
}
