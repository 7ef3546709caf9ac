import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextInTurn } from './lead-round-robin.js';

const [a, b, c] = [
  '0190a000-0000-7000-8000-00000000000a',
  '0190a000-0000-7000-8000-00000000000b',
  '0190a000-0000-7000-8000-00000000000c',
];

test('turns go round the members in id order, back to the first after the last', () => {
  assert.equal(nextInTurn([a, b, c], null), a);
  assert.equal(nextInTurn([a, b, c], a), b);
  assert.equal(nextInTurn([a, b, c], b), c);
  assert.equal(nextInTurn([a, b, c], c), a);
});

test('a member who left or was deactivated after their turn does not reset the cycle', () => {
  assert.equal(nextInTurn([a, c], b), c, 'b had the last turn and left: c is next, not a');
  assert.equal(nextInTurn([b, c], a), b);
});

test('a group with no active member gives no turn', () => {
  assert.equal(nextInTurn([], a), undefined);
  assert.equal(nextInTurn([], null), undefined);
});
