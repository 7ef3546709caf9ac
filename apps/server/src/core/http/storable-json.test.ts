import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storableJsonIssue } from './storable-json.js';

test('ordinary JSON values are storable', () => {
  for (const value of [null, true, 0, -1.5, '', 'تهران', [], {}, { a: [1, { b: 'ج' }] }]) {
    assert.equal(storableJsonIssue(value, 'value'), undefined, JSON.stringify(value));
  }
});

test('NUL characters and lone surrogates, in values or keys, are named as invalid_text', () => {
  assert.deepEqual(storableJsonIssue('a\u0000b', 'value'), { field: 'value', code: 'invalid_text' });
  assert.deepEqual(storableJsonIssue({ list: ['ok', '\uD800'] }, 'filter'), { field: 'filter', code: 'invalid_text' });
  assert.deepEqual(storableJsonIssue({ 'k\u0000': 1 }, 'value'), { field: 'value', code: 'invalid_text' });
});
