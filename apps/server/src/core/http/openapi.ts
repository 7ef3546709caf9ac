import { z } from 'zod';
import type { ModuleSet } from '../metadata/effective-module.js';
import { type RouteSpec, resolveSchema } from './route.js';

type JsonSchema = Record<string, unknown>;

const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem document; `message` is in the language of Accept-Language (fa default, en).',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
        required: ['field', 'code', 'message'],
      },
    },
  },
  required: ['type', 'title', 'status', 'detail', 'errors'],
};

/**
 * Turns a zod schema into JSON Schema 2020-12 (what OpenAPI 3.1 speaks), from the input side:
 * the document describes what clients send. Definitions of recursive parts (the filter tree)
 * are hoisted into components with names unique to the schema they came from.
 */
function toSchema(schema: z.ZodType, name: string, components: Record<string, JsonSchema>): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  const { $schema: _ignored, $defs, ...rest } = json;
  const defs = ($defs ?? {}) as Record<string, JsonSchema>;
  const rename = (key: string) => `${name}_${key}`;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
            ? `#/components/schemas/${rename(v.slice(8))}`
            : rewrite(v),
        ]),
      );
    }
    return value;
  };
  for (const [key, def] of Object.entries(defs)) components[rename(key)] = rewrite(def) as JsonSchema;
  return rewrite(rest) as JsonSchema;
}

function parameters(
  schema: z.ZodType | undefined,
  where: 'path' | 'query',
  name: string,
  components: Record<string, JsonSchema>,
) {
  if (!schema) return [];
  const json = toSchema(schema, name, components);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([param, paramSchema]) => ({
    name: param,
    in: where,
    required: where === 'path' || required.has(param),
    schema: paramSchema,
  }));
}

const operationId = (route: RouteSpec) =>
  `${route.method.toLowerCase()}_${route.url.replace(/^\/api\/v1\//, '').replace(/[/:-]+/g, '_')}`;

/** The OpenAPI 3.1 description, built on each request from the same route list and schemas that serve the API. */
export function buildOpenApi(routes: RouteSpec[], modules: ModuleSet, version: string): JsonSchema {
  const components: Record<string, JsonSchema> = { Problem: problemSchema };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const id = operationId(route);
    const success = route.response ?? { status: 200, description: 'OK' };
    const content = success.schema
      ? {
          [success.contentType ?? 'application/json']: {
            schema: toSchema(resolveSchema(success.schema, modules), `${id}_response`, components),
          },
        }
      : undefined;
    const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: id,
      summary: route.summary,
      tags: route.tags,
      ...(route.access === 'public' ? { security: [] } : {}),
      parameters: [
        ...parameters(route.params, 'path', `${id}_params`, components),
        ...parameters(route.query, 'query', `${id}_query`, components),
      ],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: toSchema(resolveSchema(route.body, modules), `${id}_body`, components) },
              },
            },
          }
        : {}),
      responses: {
        [success.status]: { description: success.description, ...(content ? { content } : {}) },
        '4XX': { description: 'Bad input, not authenticated, not allowed, not found or conflict', content: problem },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Peyvand API',
      version,
      description:
        'REST API of Peyvand (پیوند), the CRM for Persian-speaking businesses. Authenticate with the session cookie (plus `X-CSRF-Token` on changes) or `Authorization: Bearer <token>`.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'peyvand_session' },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}

export const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Peyvand API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

/** Served as a file rather than inline so the page works under a strict Content-Security-Policy. */
export const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });`;
