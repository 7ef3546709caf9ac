import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient } from './support/api-client.js';
import { type TestServer, startTestServer } from './support/test-server.js';

type Json = any;

let server: TestServer;
let admin: ApiClient;
let anonymous: ApiClient;
/** The document as an anonymous caller sees it. */
let doc: Json;

const MODULES = ['organizations', 'contacts', 'leads', 'users', 'groups'];
const METHODS = ['get', 'post', 'patch', 'delete', 'put'];

before(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.url, server.adminToken);
  anonymous = new ApiClient(server.url, null);
  const response = await anonymous.get('/api/openapi.json');
  assert.equal(response.status, 200);
  doc = response.body;
});
after(() => server.stop());

const operations = (document: Json) =>
  Object.entries(document.paths as Record<string, Record<string, Json>>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );

const bodySchema = (document: Json, path: string, method: string) => {
  const schema = document.paths[path]?.[method]?.requestBody?.content?.['application/json']?.schema;
  assert.ok(schema, `${method.toUpperCase()} ${path} documents a JSON request body`);
  return resolve(document, schema);
};

/** Follows a local $ref (one level at a time) to the schema it names. */
function resolve(document: Json, schema: Json): Json {
  let current = schema;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) current = pointer(document, current.$ref);
  return current;
}

function pointer(document: Json, ref: string): Json {
  assert.ok(ref.startsWith('#/'), `${ref} is a local reference`);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node: Json, key) => (node === undefined || node === null ? undefined : node[key]), document);
}

/** Properties of an object schema, looking through anyOf/oneOf/allOf wrappers. */
function propertiesOf(document: Json, schema: Json): Record<string, Json> {
  const resolved = resolve(document, schema);
  if (!resolved) return {};
  if (resolved.properties) return resolved.properties;
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    for (const part of resolved[key] ?? []) {
      const found = propertiesOf(document, part);
      if (Object.keys(found).length > 0) return found;
    }
  }
  return {};
}

function collectRefs(node: Json, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else collectRefs(value, out);
    }
  }
  return out;
}

describe('the document', () => {
  test('GET /api/openapi.json is an OpenAPI 3.1.0 document, without authentication', async () => {
    const response = await anonymous.get('/api/openapi.json');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(typeof doc.info.title, 'string');
    assert.equal(typeof doc.info.version, 'string');
    assert.ok(doc.components.securitySchemes.bearer, 'Bearer tokens are described');
    assert.ok(doc.components.securitySchemes.session, 'the session cookie is described');
    assert.ok(Object.keys(doc.paths).length > 20);
  });

  test('every module has create, list, query, get, change, delete, restore and history operations', () => {
    for (const module of MODULES) {
      const collection = doc.paths[`/api/v1/${module}`];
      const item = doc.paths[`/api/v1/${module}/{id}`];
      assert.ok(collection?.post && collection?.get, `${module}: POST and GET /api/v1/${module}`);
      assert.ok(item?.get && item?.patch && item?.delete, `${module}: GET, PATCH and DELETE /api/v1/${module}/{id}`);
      assert.ok(doc.paths[`/api/v1/${module}/query`]?.post, `${module}: POST query`);
      assert.ok(doc.paths[`/api/v1/${module}/{id}/restore`]?.post, `${module}: restore`);
      assert.ok(doc.paths[`/api/v1/${module}/{id}/history`]?.get, `${module}: history`);
      assert.equal(Object.keys(collection.post.responses)[0], '201', `${module}: create answers 201`);
    }
    assert.ok(doc.paths['/api/v1/groups/{id}/related/members']?.get);
  });

  test('search, auth, metadata and health routes are described', () => {
    const expected: [string, string][] = [
      ['/api/v1/search', 'get'],
      ['/api/v1/auth/login', 'post'],
      ['/api/v1/auth/logout', 'post'],
      ['/api/v1/auth/session', 'get'],
      ['/api/v1/auth/setup', 'get'],
      ['/api/v1/auth/setup', 'post'],
      ['/api/v1/auth/tokens', 'post'],
      ['/api/v1/auth/tokens', 'get'],
      ['/api/v1/auth/tokens/{id}', 'delete'],
      ['/api/v1/metadata/modules', 'get'],
      ['/api/v1/metadata/modules/{module}/fields', 'get'],
      ['/api/v1/metadata/modules/{module}/fields', 'post'],
      ['/api/v1/metadata/modules/{module}/fields/{name}', 'patch'],
      ['/api/v1/metadata/modules/{module}/fields/{name}', 'delete'],
      ['/api/v1/recycle-bin', 'get'],
      ['/healthz', 'get'],
      ['/readyz', 'get'],
    ];
    for (const [path, method] of expected) assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`);
    const login = bodySchema(doc, '/api/v1/auth/login', 'post');
    assert.deepEqual(Object.keys(login.properties).sort(), ['email', 'password']);
    assert.deepEqual(doc.paths['/api/v1/auth/login'].post.security, [], 'login needs no credentials');
    assert.deepEqual(doc.paths['/healthz'].get.security, []);
    assert.ok(!doc.paths['/api/v1/contacts'].get.security || doc.paths['/api/v1/contacts'].get.security.length > 0, 'record routes need credentials');
  });

  test('operation ids are unique and every path parameter is declared', () => {
    const ids = operations(doc).map(({ operation }) => operation.operationId);
    assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
    for (const { path, method, operation } of operations(doc)) {
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = (operation.parameters ?? []).filter((p: Json) => p.in === 'path');
      assert.deepEqual(declared.map((p: Json) => p.name).sort(), [...templated].sort(), `${method} ${path}`);
      for (const parameter of declared) assert.equal(parameter.required, true, `${method} ${path} {${parameter.name}}`);
    }
  });

  test('every $ref resolves to an existing components.schemas entry', async () => {
    for (const document of [doc, (await admin.get('/api/openapi.json')).body]) {
      const refs = collectRefs(document);
      assert.ok(refs.length > 0);
      for (const ref of new Set(refs)) {
        assert.match(ref, /^#\/components\/schemas\/[^/]+$/, ref);
        assert.ok(pointer(document, ref), `${ref} exists`);
      }
    }
  });

  test('every documented operation is served (no documented route answers "no such route")', async () => {
    const sample: Record<string, string> = { id: '0190a8b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b', module: 'contacts', name: 'firstName' };
    for (const { path, method } of operations(doc)) {
      const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => sample[name] ?? 'x');
      const response = await anonymous.request(method.toUpperCase(), url, method === 'get' || method === 'delete' ? undefined : {}, { language: 'en' });
      assert.ok(!(response.status === 404 && response.body?.detail === 'No such route.'), `${method.toUpperCase()} ${path} is served`);
    }
  });
});

describe('schemas', () => {
  test('request bodies list each module’s fields as the metadata API describes them', async () => {
    const metadata = await admin.get('/api/v1/metadata/modules');
    assert.equal(metadata.status, 200);
    for (const module of metadata.body.data as { name: string; fields: { name: string; readOnly?: boolean }[] }[]) {
      const create = bodySchema(doc, `/api/v1/${module.name}`, 'post');
      const patch = bodySchema(doc, `/api/v1/${module.name}/{id}`, 'patch');
      for (const field of module.fields.filter((f) => !f.readOnly)) {
        assert.ok(field.name in create.properties, `${module.name}.${field.name} in the create body`);
        assert.ok(field.name in patch.properties, `${module.name}.${field.name} in the PATCH body`);
      }
      assert.ok('custom' in create.properties, `${module.name}: custom`);
      assert.ok('version' in patch.properties, `${module.name}: PATCH takes a version`);
      assert.equal(create.additionalProperties, false, `${module.name}: unknown fields are refused`);
    }
  });

  test('the contacts body describes nationalCode, phones ({ kind, number }), emails and socials', () => {
    const contact = bodySchema(doc, '/api/v1/contacts', 'post');
    for (const name of ['firstName', 'lastName', 'organizationId', 'nationalCode', 'phones', 'emails', 'socials', 'addresses', 'tags', 'emailOptOut']) {
      assert.ok(name in contact.properties, name);
    }
    const phones = (resolve(doc, contact.properties.phones).anyOf ?? [contact.properties.phones]).map((s: Json) => resolve(doc, s)).find((s: Json) => s.type === 'array');
    assert.ok(phones, 'phones is an array');
    assert.ok(['kind', 'number'].every((k) => k in propertiesOf(doc, phones.items)), 'a phone has kind and number');
    const emails = (resolve(doc, contact.properties.emails).anyOf ?? []).map((s: Json) => resolve(doc, s)).find((s: Json) => s.type === 'array');
    assert.ok(['kind', 'address'].every((k) => k in propertiesOf(doc, emails.items)), 'an e-mail has kind and address');

    const users = bodySchema(doc, '/api/v1/users', 'post');
    for (const name of ['email', 'password', 'firstName', 'lastName', 'role', 'active', 'groupIds', 'language', 'calendar']) assert.ok(name in users.properties, `users.${name}`);
    const groups = bodySchema(doc, '/api/v1/groups', 'post');
    for (const name of ['name', 'memberIds']) assert.ok(name in groups.properties, `groups.${name}`);
    const leads = bodySchema(doc, '/api/v1/leads', 'post');
    for (const name of ['mobile', 'leadSource', 'leadStatus', 'telegramId', 'postalCode']) assert.ok(name in leads.properties, `leads.${name}`);
  });

  test('a custom field appears under `custom` in the signed-in caller’s document at once, and goes when deleted', async () => {
    const created = await admin.post('/api/v1/metadata/modules/contacts/fields', {
      name: 'loyaltyLevel',
      type: 'picklist',
      label: { fa: 'سطح وفاداری', en: 'Loyalty level' },
      options: [{ value: 'gold', label: { fa: 'طلایی', en: 'Gold' } }, { value: 'silver', label: { fa: 'نقره‌ای', en: 'Silver' } }],
    });
    assert.equal(created.status, 201);

    const signedIn = (await admin.get('/api/openapi.json')).body;
    for (const [path, method] of [['/api/v1/contacts', 'post'], ['/api/v1/contacts/{id}', 'patch']] as const) {
      const custom = propertiesOf(signedIn, bodySchema(signedIn, path, method).properties.custom);
      assert.ok('loyaltyLevel' in custom, `${method} ${path}: custom.loyaltyLevel`);
    }
    assert.ok(!('loyaltyLevel' in propertiesOf(signedIn, bodySchema(signedIn, '/api/v1/leads', 'post').properties.custom)), 'other modules are unaffected');
    // The cookie session sees the same as the token.
    const login = await anonymous.post('/api/v1/auth/login', { email: 'admin@peyvand.test', password: 'Test-admin-1403' });
    const viaCookie = (await anonymous.get('/api/openapi.json', { cookie: login.headers.get('set-cookie')!.split(';')[0]! })).body;
    assert.ok('loyaltyLevel' in propertiesOf(viaCookie, bodySchema(viaCookie, '/api/v1/contacts', 'post').properties.custom));
    // A value for it is accepted as documented.
    assert.equal((await admin.post('/api/v1/contacts', { firstName: 'x', custom: { loyaltyLevel: 'gold' } })).status, 201);

    assert.equal((await admin.delete('/api/v1/metadata/modules/contacts/fields/loyaltyLevel')).status, 204);
    const after = (await admin.get('/api/openapi.json')).body;
    assert.ok(!('loyaltyLevel' in propertiesOf(after, bodySchema(after, '/api/v1/contacts', 'post').properties.custom)));
  });

  test('picklist values are documented (users.role: admin | user; language: fa | en; a custom picklist’s options)', async () => {
    const created = await admin.post('/api/v1/metadata/modules/leads/fields', {
      name: 'budgetBand',
      type: 'picklist',
      label: { fa: 'بودجه', en: 'Budget band' },
      options: [{ value: 'small', label: { fa: 'کم', en: 'Small' } }, { value: 'large', label: { fa: 'زیاد', en: 'Large' } }],
    });
    assert.equal(created.status, 201);
    const signedIn = (await admin.get('/api/openapi.json')).body;
    const users = bodySchema(signedIn, '/api/v1/users', 'post');
    for (const [field, values] of [['role', ['admin', 'user']], ['language', ['fa', 'en']], ['calendar', ['jalali', 'gregorian']]] as const) {
      const text = JSON.stringify(users.properties[field]);
      for (const value of values) assert.ok(text.includes(`"${value}"`), `users.${field} documents ${value}: ${text}`);
    }
    const custom = JSON.stringify(propertiesOf(signedIn, bodySchema(signedIn, '/api/v1/leads', 'post').properties.custom).budgetBand);
    assert.ok(custom.includes('"small"') && custom.includes('"large"'), `custom.budgetBand documents its options: ${custom}`);
  });

  test('a record’s documented response describes the fields it really has, and never a password', async () => {
    const contact = await admin.post('/api/v1/contacts', { firstName: 'پاسخ' });
    const user = await admin.get('/api/v1/me');
    for (const [path, method, status, record] of [
      ['/api/v1/contacts', 'post', '201', contact.body],
      ['/api/v1/contacts/{id}', 'get', '200', contact.body],
      ['/api/v1/users/{id}', 'get', '200', user.body],
    ] as const) {
      const schema = doc.paths[path][method].responses[status]?.content?.['application/json']?.schema;
      assert.ok(schema, `${method} ${path} documents its response`);
      const properties = propertiesOf(doc, schema);
      for (const key of ['id', 'number', 'version', 'createdAt', 'updatedAt', 'custom']) {
        assert.ok(key in properties, `${method} ${path}: the response documents ${key}`);
      }
      if (resolve(doc, schema).additionalProperties === false) {
        for (const key of Object.keys(record)) assert.ok(key in properties, `${method} ${path}: a real response has ${key}, the schema forbids it`);
      }
      if ('password' in properties) assert.equal(properties.password.writeOnly, true, `${path}: a password is never returned`);
    }
  });

  test('list responses document { data, nextCursor }', () => {
    for (const module of MODULES) {
      const schema = doc.paths[`/api/v1/${module}`].get.responses['200']?.content?.['application/json']?.schema;
      assert.ok(schema, `GET /api/v1/${module} documents its response`);
      const properties = propertiesOf(doc, schema);
      assert.ok('data' in properties && 'nextCursor' in properties, `GET /api/v1/${module}: data and nextCursor`);
    }
  });

  test('errors are documented as problem documents', () => {
    const problem = doc.components.schemas.Problem;
    assert.deepEqual([...problem.required].sort(), ['detail', 'errors', 'status', 'title', 'type']);
    for (const { path, method, operation } of operations(doc)) {
      const errors = Object.entries(operation.responses as Record<string, Json>).filter(([status]) => /^[45]/.test(status));
      assert.ok(errors.length > 0, `${method} ${path} documents its errors`);
      for (const [, response] of errors) assert.ok(response.content?.['application/problem+json'], `${method} ${path}`);
    }
  });
});

describe('docs and health', () => {
  test('GET /api/docs is an HTML page whose scripts and styles all load', async () => {
    const page = await fetch(`${server.url}/api/docs`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(assets.some((a) => a.endsWith('.js')), 'a script is loaded');
    assert.ok(assets.some((a) => a.endsWith('.css')), 'a stylesheet is loaded');
    for (const asset of assets) {
      const response = await fetch(new URL(asset, `${server.url}/api/docs`));
      assert.equal(response.status, 200, asset);
      const type = response.headers.get('content-type') ?? '';
      if (asset.endsWith('.js')) assert.match(type, /javascript/, asset);
      if (asset.endsWith('.css')) assert.match(type, /text\/css/, asset);
      const text = await response.text();
      assert.ok(text.length > 0, asset);
      if (asset.endsWith('init.js')) assert.ok(text.includes('/api/openapi.json'), 'the page loads the live document');
    }
  });

  test('the docs assets serve only swagger-ui’s files, not the rest of the package', async () => {
    for (const path of ['/api/docs/assets/package.json', '/api/docs/assets/../../package.json', '/api/docs/assets/index.html']) {
      const response = await fetch(`${server.url}${path}`);
      assert.notEqual(response.status, 200, path);
      await response.arrayBuffer();
    }
  });

  test('/healthz and /readyz answer 200 without authentication', async () => {
    const health = await anonymous.get('/healthz');
    assert.equal(health.status, 200);
    assert.equal(health.body.status, 'ok');
    const ready = await anonymous.get('/readyz');
    assert.equal(ready.status, 200);
    assert.equal(ready.body.status, 'ready');
    assert.equal(ready.body.database, process.env.DATABASE_URL ? 'postgres' : 'embedded');
  });
});
