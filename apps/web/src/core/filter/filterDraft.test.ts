import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countConditions, emptyCondition, fromFilterTree, toFilterTree } from './filterDraft';

test('half-written conditions are left out of the API tree', () => {
  const root = fromFilterTree(undefined);
  assert.equal(toFilterTree(root), undefined);
  root.children = [
    { ...emptyCondition(), field: 'addresses.city', op: 'eq', value: 'تهران' },
    { ...emptyCondition(), field: 'industry', op: 'in', value: [] },
    { ...emptyCondition(), field: 'email', op: 'isEmpty', value: '' },
    { ...emptyCondition(), field: 'createdAt', op: 'between', value: ['2024-01-01', ''] },
  ];
  assert.deepEqual(toFilterTree(root), {
    and: [
      { field: 'addresses.city', op: 'eq', value: 'تهران' },
      { field: 'email', op: 'isEmpty' },
    ],
  });
});

test('a saved tree round-trips through the builder, nested groups included', () => {
  const tree = {
    or: [
      { field: 'industry', op: 'eq' as const, value: 'oil_gas' },
      {
        and: [
          { field: 'custom.vip', op: 'eq' as const, value: true },
          { field: 'phone', op: 'isNotEmpty' as const },
        ],
      },
    ],
  };
  assert.deepEqual(toFilterTree(fromFilterTree(tree)), tree);
  assert.equal(countConditions(tree), 3);
});

test('a single saved condition becomes a group of one', () => {
  const draft = fromFilterTree({ field: 'city', op: 'contains', value: 'تهران' });
  assert.equal(draft.kind, 'group');
  assert.deepEqual(toFilterTree(draft), { and: [{ field: 'city', op: 'contains', value: 'تهران' }] });
});
