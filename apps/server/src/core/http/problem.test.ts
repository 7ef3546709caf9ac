import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProblemError, forbidden, languageOf, notFound, renderProblem, validationProblem } from './problem.js';

const PERSIAN = /[\u0600-\u06FF]/;

test('a problem renders as { type, title, status, detail, errors } with nothing else', () => {
  const rendered = renderProblem(validationProblem([{ field: 'firstName', code: 'required' }]), 'fa');
  assert.deepEqual(Object.keys(rendered).sort(), ['detail', 'errors', 'status', 'title', 'type']);
  assert.equal(rendered.type, '/api/problems/validation');
  assert.equal(rendered.status, 400);
  assert.deepEqual(rendered.errors, [{ field: 'firstName', code: 'required', message: 'این فیلد الزامی است.' }]);
});

test('extension members ride along, but never over the standard ones', () => {
  const candidates = [{ module: 'organizations', id: 'x', number: 'ORG-1001', name: 'پرتو گستر امید' }];
  const problem = new ProblemError('conflict', undefined, [], {}, { candidates, status: 200, type: 'forged' });
  const rendered = renderProblem(problem, 'en');
  assert.deepEqual(rendered.candidates, candidates);
  assert.equal(rendered.status, 409);
  assert.equal(rendered.type, '/api/problems/conflict');
});

test('each kind has its HTTP status', () => {
  const expected: Record<string, number> = {
    validation: 400,
    unauthorized: 401,
    forbidden: 403,
    csrf: 403,
    'not-found': 404,
    conflict: 409,
    'payload-too-large': 413,
    unprocessable: 422,
    'unsupported-media-type': 415,
    'rate-limited': 429,
    internal: 500,
    'not-ready': 503,
  };
  for (const [kind, status] of Object.entries(expected)) {
    const problem = new ProblemError(kind as ConstructorParameters<typeof ProblemError>[0]);
    assert.equal(problem.status, status, kind);
    assert.equal(renderProblem(problem, 'en').status, status, kind);
    assert.equal(renderProblem(problem, 'en').type, `/api/problems/${kind}`);
  }
  assert.equal(notFound().status, 404);
  assert.equal(forbidden().status, 403);
});

test('title, detail and messages follow the language; codes and fields do not', () => {
  const problem = new ProblemError('conflict', { fa: 'تکراری است.', en: 'It is a duplicate.' }, [
    { field: 'email', code: 'duplicate_value' },
    { field: 'name', code: 'too_big', params: { maximum: 255, origin: 'string' } },
  ]);
  const fa = renderProblem(problem, 'fa');
  const en = renderProblem(problem, 'en');
  assert.equal(fa.detail, 'تکراری است.');
  assert.equal(en.detail, 'It is a duplicate.');
  assert.match(fa.title, PERSIAN);
  assert.doesNotMatch(en.title, PERSIAN);
  for (const error of fa.errors) assert.match(error.message, PERSIAN);
  for (const error of en.errors) assert.doesNotMatch(error.message, PERSIAN);
  assert.deepEqual(
    fa.errors.map((e) => [e.field, e.code]),
    en.errors.map((e) => [e.field, e.code]),
  );
  assert.match(en.errors[1]!.message, /255/, 'parameters reach the message');
  assert.equal(problem.message, 'It is a duplicate.', 'logs read English');
});

test('without a detail, the detail is the title; an unknown code still gets a message', () => {
  const rendered = renderProblem(
    new ProblemError('forbidden', undefined, [{ field: 'x', code: 'no_such_code' }]),
    'en',
  );
  assert.equal(rendered.detail, rendered.title);
  assert.equal(typeof rendered.errors[0]!.message, 'string');
  assert.ok(rendered.errors[0]!.message.length > 0);
  assert.equal(rendered.errors[0]!.code, 'no_such_code');
});

test('extra headers (Retry-After) travel with the problem, not in the document', () => {
  const problem = new ProblemError('rate-limited', undefined, [], { 'retry-after': '60' });
  assert.deepEqual(problem.headers, { 'retry-after': '60' });
  assert.ok(!JSON.stringify(renderProblem(problem, 'fa')).includes('retry-after'));
});

test('languageOf: Persian unless English is asked for', () => {
  assert.equal(languageOf(undefined), 'fa');
  assert.equal(languageOf(''), 'fa');
  assert.equal(languageOf('fa'), 'fa');
  assert.equal(languageOf('fa-IR,fa;q=0.9,en-US;q=0.8,en;q=0.7'), 'fa');
  assert.equal(languageOf('en'), 'en');
  assert.equal(languageOf('EN-us'), 'en');
  assert.equal(languageOf('en-GB,en;q=0.9'), 'en');
  assert.equal(languageOf(' en-US , fa;q=0.5'), 'en');
  assert.equal(languageOf('*'), 'fa');
  assert.equal(languageOf('ar'), 'fa');
});

test('languageOf honours q-values and skips languages it does not speak', () => {
  // A German browser with English as its second language reads English better than Persian.
  assert.equal(languageOf('de-DE,de;q=0.9,en;q=0.8'), 'en');
  // Order in the header does not matter, the weights do.
  assert.equal(languageOf('fa;q=0.1, en;q=0.9'), 'en');
  assert.equal(languageOf('en;q=0, fa'), 'fa');
});
