import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidPostalCode, normalizePostalCode } from './postal-code.js';

test('plausible postal codes are valid', () => {
  for (const s of ['1318914356', '8174673111', '7134845693', '3319118413', '1461793134']) {
    assert.equal(isValidPostalCode(s), true, s);
  }
});

test('the usual ways of typing a postal code are accepted', () => {
  assert.equal(isValidPostalCode('۱۳۱۸۹۱۴۳۵۶'), true);
  assert.equal(isValidPostalCode('13189-14356'), true);
  assert.equal(isValidPostalCode('۱۳۱۸۹-۱۴۳۵۶'), true);
  assert.equal(isValidPostalCode(' 13189 14356 '), true);
  assert.equal(normalizePostalCode('۱۳۱۸۹-۱۴۳۵۶'), '1318914356');
});

test('0 or 2 in the first five digits is rejected', () => {
  assert.equal(isValidPostalCode('0318914356'), false);
  assert.equal(isValidPostalCode('1218914356'), false);
  assert.equal(isValidPostalCode('1310914356'), false);
  assert.equal(isValidPostalCode('1318214356'), false);
});

test('5 as the fifth digit is rejected', () => {
  assert.equal(isValidPostalCode('1318514356'), false);
});

test('2 in the last five digits is rejected, 0 is allowed', () => {
  assert.equal(isValidPostalCode('1318912356'), false);
  assert.equal(isValidPostalCode('1318914352'), false);
  assert.equal(isValidPostalCode('1318910000'), true);
});

test('four equal leading digits are rejected', () => {
  assert.equal(isValidPostalCode('1111111111'), false);
  assert.equal(isValidPostalCode('3333914356'), false);
  assert.equal(isValidPostalCode('3339914356'), true);
});

test('wrong lengths and non-digits are rejected', () => {
  for (const s of ['', '131891435', '13189143561', '13189l4356', 'کد پستی']) {
    assert.equal(isValidPostalCode(s), false, s);
    assert.equal(normalizePostalCode(s), null, s);
  }
});
