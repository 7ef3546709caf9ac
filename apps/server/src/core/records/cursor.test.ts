import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ProblemError } from '../http/problem.js';
import { decodeCursor, encodeCursor } from './cursor.js';

const ID = '01912345-6789-7abc-8def-0123456789ab';

/** Asserts that `fn` throws the API's 400 invalid_cursor problem on the cursor parameter. */
function assertInvalidCursor(fn: () => unknown) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ProblemError, String(error));
    assert.equal(error.status, 400);
    assert.deepEqual(error.issues, [{ field: 'cursor', code: 'invalid_cursor' }]);
    return true;
  });
}

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursor encode/decode', () => {
  test('a cursor decodes to what was encoded, under the same sort', () => {
    const cursor = { sort: 'lastName,-number', keys: ['رضایی‌نژاد', '00000000000000001042'], id: ID };
    assert.deepEqual(decodeCursor(encodeCursor(cursor), 'lastName,-number', 2), cursor);
    const numeric = { sort: '-annualRevenue', keys: [1e12], id: ID };
    assert.deepEqual(decodeCursor(encodeCursor(numeric), '-annualRevenue', 1), numeric);
    const empty = { sort: 'id', keys: [], id: ID };
    assert.deepEqual(decodeCursor(encodeCursor(empty), 'id', 0), empty);
    const withNull = { sort: 'custom.score', keys: [null], id: ID };
    assert.deepEqual(decodeCursor(encodeCursor(withNull), 'custom.score', 1), withNull);
  });

  test('a cursor is URL-safe text', () => {
    const text = encodeCursor({ sort: '-createdAt', keys: ['2024-08-02T10:00:00.123+00:00', '«علی»/+?&='], id: ID });
    assert.match(text, /^[A-Za-z0-9_-]+$/);
    assert.equal(encodeURIComponent(text), text);
  });

  test('a cursor made under another sort is refused', () => {
    const text = encodeCursor({ sort: 'lastName', keys: ['x'], id: ID });
    assertInvalidCursor(() => decodeCursor(text, '-lastName', 1));
    assertInvalidCursor(() => decodeCursor(text, 'firstName', 1));
    assertInvalidCursor(() => decodeCursor(text, 'lastName,number', 2));
  });

  test('a cursor with the wrong number of keys or a bad id is refused', () => {
    assertInvalidCursor(() => decodeCursor(encodeCursor({ sort: 'a', keys: ['x', 'y'], id: ID }), 'a', 1));
    assertInvalidCursor(() => decodeCursor(encodeCursor({ sort: 'a', keys: [], id: ID }), 'a', 1));
    assertInvalidCursor(() => decodeCursor(encodeCursor({ sort: 'a', keys: ['x'], id: 'not-a-uuid' }), 'a', 1));
    assertInvalidCursor(() => decodeCursor(encodeCursor({ sort: 'a', keys: ['x'], id: `${ID}'; --` }), 'a', 1));
    assertInvalidCursor(() => decodeCursor(raw(['a', ['x'], 42]), 'a', 1));
    assertInvalidCursor(() => decodeCursor(raw(['a', 'x', ID]), 'a', 1));
  });

  test('garbage is refused, never thrown as anything but the 400 problem', () => {
    for (const text of [
      '',
      'garbage',
      '!!!!',
      '====',
      raw({ sort: 'a' }),
      raw(['a', ['x']]),
      raw(['a', ['x'], ID, 'extra']),
      raw(null),
      raw('a'),
      'eyJ',
    ]) {
      assertInvalidCursor(() => decodeCursor(text, 'a', 1));
    }
  });
});
