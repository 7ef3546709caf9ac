import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validationMessage } from '@peyvand/shared';
import { z } from 'zod';
import { parseInput } from './parse.js';
import { ProblemError, renderProblem } from './problem.js';
import { toFieldIssues } from '@peyvand/shared';

/** As the server parses: with the input on each issue, so a wrong value is told from a missing one. */
const issuesOf = (schema: z.ZodType, input: unknown, prefix = '') => {
  const result = schema.safeParse(input, { reportInput: true });
  assert.equal(result.success, false, 'the input is refused');
  return toFieldIssues(result.error!.issues, prefix);
};

const contact = z.strictObject({
  firstName: z.string().max(5).optional(),
  age: z.number().int().min(0).max(150).optional(),
  active: z.boolean().optional(),
  email: z.email().optional(),
  website: z.url().optional(),
  ownerId: z.uuid().optional(),
  kind: z.enum(['work', 'home']).optional(),
  phones: z
    .array(z.strictObject({ number: z.string() }))
    .max(2)
    .optional(),
  name: z.string(),
});

test('a missing field is required; a present one of the wrong type is invalid_type naming the expected type', () => {
  assert.deepEqual(issuesOf(contact, {}), [{ field: 'name', code: 'required' }]);
  assert.deepEqual(issuesOf(contact, { name: 5 }), [
    { field: 'name', code: 'invalid_type', params: { expected: 'string' } },
  ]);
  assert.deepEqual(issuesOf(contact, { name: 'x', active: 'yes' }), [
    { field: 'active', code: 'invalid_type', params: { expected: 'boolean' } },
  ]);
  assert.deepEqual(issuesOf(contact, { name: null }), [
    { field: 'name', code: 'invalid_type', params: { expected: 'string' } },
  ]);
});

test('unknown keys are one unknown_field issue each, with their full path', () => {
  assert.deepEqual(issuesOf(contact, { name: 'x', colour: 1, size: 2 }), [
    { field: 'colour', code: 'unknown_field' },
    { field: 'size', code: 'unknown_field' },
  ]);
  assert.deepEqual(issuesOf(contact, { name: 'x', phones: [{ number: '1', ext: '2' }] }), [
    { field: 'phones.0.ext', code: 'unknown_field' },
  ]);
});

test('nested paths are joined with dots, array indices included, under an optional prefix', () => {
  assert.deepEqual(issuesOf(contact, { name: 'x', phones: [{ number: '1' }, { number: 2 }] }), [
    { field: 'phones.1.number', code: 'invalid_type', params: { expected: 'string' } },
  ]);
  assert.deepEqual(issuesOf(contact, { name: 5 }, 'filter'), [
    { field: 'filter.name', code: 'invalid_type', params: { expected: 'string' } },
  ]);
  assert.deepEqual(issuesOf(z.string(), 5, 'q'), [
    { field: 'q', code: 'invalid_type', params: { expected: 'string' } },
  ]);
});

test('lengths and ranges carry their limit and what was measured', () => {
  assert.deepEqual(issuesOf(contact, { name: 'x', firstName: 'abcdef' }), [
    { field: 'firstName', code: 'too_big', params: { maximum: 5, origin: 'string' } },
  ]);
  assert.deepEqual(issuesOf(contact, { name: 'x', age: -1 }), [
    { field: 'age', code: 'too_small', params: { minimum: 0, origin: 'number' } },
  ]);
  assert.deepEqual(issuesOf(contact, { name: 'x', phones: [{ number: '1' }, { number: '2' }, { number: '3' }] }), [
    { field: 'phones', code: 'too_big', params: { maximum: 2, origin: 'array' } },
  ]);
  const [tooBig] = issuesOf(contact, { name: 'x', firstName: 'abcdef' });
  assert.equal(validationMessage(tooBig!.code, 'en', tooBig!.params), 'At most 5 characters are allowed.');
});

test('formats map to their own codes: invalid_email, invalid_url, invalid_id', () => {
  assert.deepEqual(issuesOf(contact, { name: 'x', email: 'nope' }), [{ field: 'email', code: 'invalid_email' }]);
  assert.deepEqual(issuesOf(contact, { name: 'x', website: 'not a url' }), [{ field: 'website', code: 'invalid_url' }]);
  assert.deepEqual(issuesOf(contact, { name: 'x', ownerId: 'not-a-uuid' }), [{ field: 'ownerId', code: 'invalid_id' }]);
});

test('an enum lists the allowed values', () => {
  assert.deepEqual(issuesOf(contact, { name: 'x', kind: 'office' }), [
    { field: 'kind', code: 'invalid_value', params: { options: 'work, home' } },
  ]);
});

test('a refinement names its own code through params.code', () => {
  const noNul = z.string().refine((s) => !s.includes('\u0000'), { params: { code: 'invalid_text' } });
  const [issue] = issuesOf(z.object({ title: noNul }), { title: 'a\u0000' });
  assert.equal(issue!.field, 'title');
  assert.equal(issue!.code, 'invalid_text');
  assert.deepEqual(
    issuesOf(
      z.string().refine(() => false),
      'x',
    ),
    [{ field: '', code: 'invalid', params: undefined }],
  );
});

test('a union reports what its last (the field type’s own) branch says', () => {
  const value = z.union([z.literal('').transform(() => null), z.null(), z.string().max(3)]);
  assert.deepEqual(issuesOf(z.object({ code: value }), { code: 'abcd' }), [
    { field: 'code', code: 'too_big', params: { maximum: 3, origin: 'string' } },
  ]);
  assert.deepEqual(issuesOf(z.object({ code: value }), { code: 5 }), [
    { field: 'code', code: 'invalid_type', params: { expected: 'string' } },
  ]);
});

test('an exclusive bound is not reported as if the refused value were allowed', () => {
  const [issue] = issuesOf(z.object({ version: z.number().int().positive() }), { version: 0 });
  assert.equal(issue!.field, 'version');
  assert.equal(issue!.code, 'too_small');
  const message = validationMessage(issue!.code, 'en', issue!.params);
  assert.doesNotMatch(message, /smallest allowed value is 0\b/, message);
});

test('parseInput returns the parsed value, or throws a 400 problem with every issue', () => {
  assert.deepEqual(parseInput(contact, { name: 'x', kind: 'work' }), { name: 'x', kind: 'work' });
  assert.throws(
    () => parseInput(contact, { name: 1, colour: 'red' }),
    (error: unknown) => {
      assert.ok(error instanceof ProblemError);
      assert.equal(error.status, 400);
      const rendered = renderProblem(error, 'en');
      assert.deepEqual(rendered.errors.map((e) => [e.field, e.code]).sort(), [
        ['colour', 'unknown_field'],
        ['name', 'invalid_type'],
      ]);
      return true;
    },
  );
});
