import assert from 'node:assert/strict';
import { test } from 'node:test';
import { optionsMissing, typesFit } from './conversion-mapping.js';

const option = (value: string) => ({ value, label: { fa: value, en: value } });

test('a lead value fits the same type, a wider text, or a number of another unit', () => {
  assert.equal(typesFit({ type: 'text' }, { type: 'longText' }), true);
  assert.equal(typesFit({ type: 'phone' }, { type: 'text' }), true);
  assert.equal(typesFit({ type: 'number' }, { type: 'currency' }), true);
  assert.equal(typesFit({ type: 'longText' }, { type: 'text' }), false, 'a long text may not fit a short one');
  assert.equal(typesFit({ type: 'date' }, { type: 'number' }), false);
  assert.equal(typesFit({ type: 'picklist' }, { type: 'text' }), false);
});

test('references fit only references to the same module', () => {
  assert.equal(typesFit({ type: 'reference', target: 'users' }, { type: 'reference', target: 'users' }), true);
  assert.equal(typesFit({ type: 'reference', target: 'users' }, { type: 'reference', target: 'groups' }), false);
});

test('a picklist names the options its target lacks', () => {
  const source = { type: 'picklist' as const, options: [option('s'), option('m')] };
  assert.deepEqual(optionsMissing(source, { type: 'picklist', options: [option('s')] }), ['m']);
  assert.deepEqual(optionsMissing(source, { type: 'picklist', options: [option('m'), option('s'), option('l')] }), []);
});
