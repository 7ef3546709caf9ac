import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidNationalCode, normalizeNationalCode } from './national-code.js';

// Independent restatement of the rule: weights 10..2 over the first nine digits, r = sum % 11,
// check digit is r when r < 2, else 11 - r.
function remainder(body: string): number {
  return [...body].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0) % 11;
}
function withCheckDigit(body: string): string {
  const r = remainder(body);
  return body + String(r < 2 ? r : 11 - r);
}

test('well-known valid codes', () => {
  assert.equal(isValidNationalCode('0499370899'), true);
  assert.equal(isValidNationalCode('0013542419'), true);
});

test('codes built by the algorithm are valid, including remainders 0 and 1', () => {
  const bodies = ['001354241', '049937089', '123456789', '287654321', '361122334', '440000121'];
  // Make sure the r < 2 branch is actually exercised.
  assert.ok(bodies.some((b) => remainder(b) === 0));
  assert.ok(bodies.some((b) => remainder(b) === 1));
  for (const code of bodies.map(withCheckDigit)) assert.equal(isValidNationalCode(code), true, code);
});

test('a wrong check digit is rejected', () => {
  assert.equal(isValidNationalCode('0499370898'), false);
  assert.equal(isValidNationalCode('0013542418'), false);
});

test('codes of one repeated digit are rejected even where the checksum holds', () => {
  for (let d = 0; d <= 9; d++) assert.equal(isValidNationalCode(String(d).repeat(10)), false);
});

test('a checksum-valid code whose digits 4-9 are all zero is rejected', () => {
  assert.equal(withCheckDigit('100000000'), '1000000001');
  assert.equal(isValidNationalCode('1000000001'), false);
});

test('Persian/Arabic digits, spaces, dashes and bidi marks are accepted', () => {
  assert.equal(isValidNationalCode('۰۴۹۹۳۷۰۸۹۹'), true);
  assert.equal(isValidNationalCode('٠٤٩٩٣٧٠٨٩٩'), true);
  assert.equal(isValidNationalCode('049-937089-9'), true);
  assert.equal(isValidNationalCode(' 049 937 0899 '), true);
  assert.equal(isValidNationalCode('\u200E0499370899\u200F'), true);
});

test('leading zeros dropped by spreadsheets are restored', () => {
  assert.equal(normalizeNationalCode('13542419'), '0013542419');
  assert.equal(normalizeNationalCode('499370899'), '0499370899');
  assert.equal(isValidNationalCode('13542419'), true);
  assert.equal(isValidNationalCode('499370899'), true);
});

test('normalizeNationalCode checks the shape only', () => {
  assert.equal(normalizeNationalCode('۰۴۹۹۳۷۰۸۹۹'), '0499370899');
  assert.equal(normalizeNationalCode('0499370898'), '0499370898');
  assert.equal(normalizeNationalCode('1234567'), null);
  assert.equal(normalizeNationalCode('04993708990'), null);
  assert.equal(normalizeNationalCode('04993708a9'), null);
  assert.equal(normalizeNationalCode('049.937.0899'), null);
  assert.equal(normalizeNationalCode(''), null);
});

test('garbage is invalid', () => {
  for (const s of ['', '   ', 'abc', '1234567', '04993708990', '+499370899', '0499370899x']) {
    assert.equal(isValidNationalCode(s), false, s);
  }
});
