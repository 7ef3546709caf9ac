/**
 * The operations of the server's own OpenAPI description, for the suites that must reach every
 * route (hostile input, access matrix): a route added to the server is in them without anyone
 * remembering to list it.
 */
export type JsonSchema = Record<string, any>;

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path with `{param}` placeholders. */
  path: string;
  /** `METHOD /path`, the key suites use for per-route expectations. */
  key: string;
  public: boolean;
  pathParams: string[];
  queryParams: { name: string; schema: JsonSchema }[];
  /** The JSON request body's schema, $refs resolved lazily by `resolveRef`. */
  body: JsonSchema | undefined;
  /** Takes multipart/form-data (imports), which the description mentions only in words. */
  multipart: boolean;
}

export interface ApiDescription {
  operations: Operation[];
  resolveRef(schema: JsonSchema): JsonSchema;
  /** Every property name and enum value the description mentions: the API's own words. */
  vocabulary: string[];
}

function wordsOf(value: unknown, words: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) wordsOf(item, words);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'properties') for (const name of Object.keys(item as object)) words.add(name);
      if (key === 'enum') for (const option of item as unknown[]) if (typeof option === 'string') words.add(option);
      wordsOf(item, words);
    }
  }
  return words;
}

export async function describeApi(baseUrl: string, token: string): Promise<ApiDescription> {
  const response = await fetch(`${baseUrl}/api/openapi.json`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`openapi.json answered ${response.status}`);
  const doc = (await response.json()) as JsonSchema;
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries<JsonSchema>(doc.paths)) {
    for (const [method, op] of Object.entries<JsonSchema>(methods)) {
      const parameters = (op.parameters ?? []) as { name: string; in: string; schema: JsonSchema }[];
      const upper = method.toUpperCase() as Operation['method'];
      operations.push({
        method: upper,
        path,
        key: `${upper} ${path}`,
        public: Array.isArray(op.security) && op.security.length === 0,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map(({ name, schema }) => ({ name, schema })),
        body: op.requestBody?.content?.['application/json']?.schema,
        multipart: /multipart\/form-data/.test(op.summary ?? ''),
      });
    }
  }
  const schemas = doc.components.schemas as Record<string, JsonSchema>;
  const resolveRef = (schema: JsonSchema): JsonSchema =>
    typeof schema.$ref === 'string' ? resolveRef(schemas[schema.$ref.replace('#/components/schemas/', '')]!) : schema;
  return { operations, resolveRef, vocabulary: [...wordsOf(doc, new Set())].sort() };
}

/** The path with each `{param}` replaced by `valueOf(param)` as UTF-8 (a lone surrogate becomes U+FFFD), percent-encoded. */
export function fillPath(path: string, valueOf: (param: string) => string): string {
  return path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) =>
    encodeURIComponent(Buffer.from(valueOf(name), 'utf8').toString('utf8')),
  );
}

/** The module a `/api/v1/{module}/…` path belongs to, if its first segment names one. */
export const moduleOfPath = (path: string, modules: readonly string[]): string | undefined => {
  const first = path.split('/')[3];
  return first && modules.includes(first) ? first : undefined;
};
