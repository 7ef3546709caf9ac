import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextSort, sortDirection } from './sortState';

test('a header click cycles ascending, descending, default', () => {
  assert.equal(nextSort(undefined, 'name'), 'name');
  assert.equal(nextSort('name', 'name'), '-name');
  assert.equal(nextSort('-name', 'name'), undefined);
  assert.equal(nextSort('-updatedAt', 'custom.vip'), 'custom.vip');
  assert.equal(sortDirection('-custom.vip', 'custom.vip'), 'desc');
  assert.equal(sortDirection('name', 'phone'), undefined);
});
