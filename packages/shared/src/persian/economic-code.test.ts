import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidEconomicCode, normalizeEconomicCode } from './economic-code.js';

test('11 digits: valid only as a legal national ID', () => {
  assert.equal(isValidEconomicCode('10380284790'), true);
  assert.equal(isValidEconomicCode('۱۰۳۸۰۲۸۴۷۹۰'), true);
  assert.equal(isValidEconomicCode('10380284791'), false);
});

test('14 digits: a natural person’s national code plus a serial from 0001', () => {
  assert.equal(isValidEconomicCode('04993708990001'), true);
  assert.equal(isValidEconomicCode('0499370899-0100'), true);
  assert.equal(isValidEconomicCode('04993708990000'), false);
  assert.equal(isValidEconomicCode('11111111110100'), false);
});

test('14 digits: a foreign national’s 12-digit code plus a serial from 01', () => {
  assert.equal(isValidEconomicCode('12345678901201'), true);
  assert.equal(isValidEconomicCode('12345678901200'), false);
});

test('12 digits: the old economic code is accepted as is', () => {
  assert.equal(isValidEconomicCode('411111111111'), true);
  assert.equal(isValidEconomicCode('4111 1111 1111'), true);
});

test('other lengths and non-digits are rejected', () => {
  for (const s of ['', '0499370899', '1038028479', '1234567890123', '123456789012345', '41111111111a']) {
    assert.equal(isValidEconomicCode(s), false, s);
    assert.equal(normalizeEconomicCode(s), null, s);
  }
});

test('normalizeEconomicCode returns the Latin digits', () => {
  assert.equal(normalizeEconomicCode('۴۱۱۱-۱۱۱۱-۱۱۱۱'), '411111111111');
  assert.equal(normalizeEconomicCode('04993708990001'), '04993708990001');
});
