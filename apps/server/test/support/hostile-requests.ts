import assert from 'node:assert/strict';
import fc from 'fast-check';
import { type SchemaContext, deeplyNested, fromSchema, hostileJson, hostileString, mutated } from './hostile-values.js';
import { type Operation, fillPath } from './openapi-operations.js';

export interface HostileRequest {
  method: string;
  /** Path and query string, as sent (percent-encoding may be deliberately broken). */
  target: string;
  body: Buffer | undefined;
  contentType: string | undefined;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** Longer than any request may take even on a loaded machine; beyond it the server hangs. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** Bytes that are never valid UTF-8: a lone continuation byte, an overlong form, a truncated sequence. */
const INVALID_UTF8 = [
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xe0, 0xa4]),
  Buffer.from([0x80]),
];

/** Query-string tails with broken or duplicated parameters, appended raw. */
const RAW_QUERY_TAILS = [
  ...Array<string>(24).fill(''),
  '&%FF%FE=1',
  '&limit=%FF',
  '&q=%E0%A4%A',
  '&%',
  '&limit=1&limit=2',
  '&q[a]=1',
  '&=&=&',
];

const toQueryText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

function queryArbitrary(op: Operation, ctx: SchemaContext): fc.Arbitrary<string> {
  const values = fc.record(
    Object.fromEntries(
      op.queryParams.map(({ name, schema }) => [
        name,
        fc.oneof(
          { weight: 10, arbitrary: fromSchema(schema, ctx).map(toQueryText) },
          { weight: 1, arbitrary: hostileString },
          // Deep trees where a parameter carries JSON (an export's filter); kept short enough for a URL.
          { weight: 1, arbitrary: deeplyNested.map((v) => JSON.stringify(v).slice(0, 6_000)) },
        ),
      ]),
    ),
    { requiredKeys: [] },
  );
  return fc
    .tuple(
      values,
      fc.oneof(
        { weight: 9, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.tuple(hostileString, hostileString) },
      ),
      fc.constantFrom(...RAW_QUERY_TAILS),
    )
    .map(([known, unknown, tail]) => {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(known)) params.append(name, (value as string).slice(0, 2_000));
      if (unknown) params.append(unknown[0].slice(0, 100), unknown[1].slice(0, 100));
      const query = `${params.toString()}${tail}`;
      return query ? `?${query}` : '';
    });
}

type BodyShape =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalid-utf8'; key: string; bytes: Buffer }
  | { kind: 'text'; value: string };

function bodyArbitrary(op: Operation, ctx: SchemaContext): fc.Arbitrary<BodyShape> {
  const keys = Object.keys(op.body ? (ctx.resolveRef(op.body).properties ?? {}) : {});
  const json = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((value) => ({ kind: 'json', value }) as BodyShape);
  const variants: fc.WeightedArbitrary<BodyShape>[] = [
    { weight: 2, arbitrary: json(hostileJson) },
    { weight: 1, arbitrary: json(deeplyNested) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...keys, 'x'), fc.constantFrom(...INVALID_UTF8))
        .map(([key, bytes]) => ({ kind: 'invalid-utf8', key, bytes }) as BodyShape),
    },
    { weight: 1, arbitrary: hostileString.map((value) => ({ kind: 'text', value }) as BodyShape) },
  ];
  if (op.body) {
    variants.push({ weight: 10, arbitrary: json(fromSchema(op.body, ctx)) });
    variants.push({ weight: 6, arbitrary: json(mutated(op.body, ctx)) });
  }
  if (op.method === 'GET') return fc.constant({ kind: 'none' });
  if (!op.body) variants.push({ weight: 6, arbitrary: fc.constant({ kind: 'none' } as BodyShape) });
  return fc.oneof(...variants);
}

function encodeBody(shape: BodyShape): Pick<HostileRequest, 'body' | 'contentType'> {
  switch (shape.kind) {
    case 'none':
      return { body: undefined, contentType: undefined };
    case 'json':
      return { body: Buffer.from(JSON.stringify(shape.value) ?? 'null', 'utf8'), contentType: 'application/json' };
    case 'invalid-utf8':
      return {
        body: Buffer.concat([Buffer.from(`{"${shape.key}":"ش`), shape.bytes, Buffer.from('ب"}')]),
        contentType: 'application/json; charset=utf-8',
      };
    case 'text':
      return { body: Buffer.from(shape.value, 'utf8'), contentType: 'text/plain' };
  }
}

/**
 * Requests for one operation: path parameters that are live ids or hostile text, query
 * parameters and bodies drawn from the operation's schemas and from hostile values.
 */
export function hostileRequests(
  op: Operation,
  ctx: SchemaContext,
  liveParam: (param: string) => string,
): fc.Arbitrary<HostileRequest> {
  const pathParams = fc.tuple(
    ...op.pathParams.map((param) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(liveParam(param)) },
        { weight: 1, arbitrary: hostileString.map((s) => s.slice(0, 200)) },
      ),
    ),
  );
  return fc.tuple(pathParams, queryArbitrary(op, ctx), bodyArbitrary(op, ctx)).map(([params, query, body]) => ({
    method: op.method,
    target: fillPath(op.path, (name) => params[op.pathParams.indexOf(name)]!) + query,
    ...encodeBody(body),
  }));
}

export async function send(baseUrl: string, token: string, request: HostileRequest): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (request.contentType) headers['content-type'] = request.contentType;
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${request.target}`, {
      method: request.method,
      headers,
      body: request.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    assert.fail(`${request.method} ${request.target.slice(0, 300)} got no answer: ${String(error)}`);
  }
  const contentType = response.headers.get('content-type') ?? '';
  // A live stream (notifications) never ends by itself: its opening answer is what is judged.
  if (contentType.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, contentType, text: '' };
  }
  return { status: response.status, contentType, text: await response.text() };
}

/** A 2xx, or a 4xx problem document whose errors name fields; never a 5xx. */
export function assertWellFormedAnswer(answer: Answer, context: string): void {
  const where = `${context} → ${answer.status} ${answer.text.slice(0, 500)}`;
  assert.ok(answer.status >= 200 && answer.status < 500, `not a 2xx or 4xx: ${where}`);
  if (answer.status < 400) return;
  assert.match(answer.contentType, /^application\/problem\+json/, where);
  const problem = JSON.parse(answer.text) as {
    status: number;
    type: string;
    errors: { field: string; code: string; message: string }[];
  };
  assert.equal(problem.status, answer.status, where);
  assert.ok(Array.isArray(problem.errors), where);
  if (answer.status === 400) assert.ok(problem.errors.length > 0, `a 400 must name what is wrong: ${where}`);
  for (const error of problem.errors) {
    assert.ok(error.field.length > 0 && error.code.length > 0 && error.message.length > 0, where);
  }
}

export const describeRequest = (request: HostileRequest): string =>
  `${request.method} ${request.target.slice(0, 300)} ${request.contentType ?? ''} ${request.body?.toString('utf8').slice(0, 300) ?? ''}`;
