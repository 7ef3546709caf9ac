import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidLegalNationalId, normalizeLegalNationalId } from './legal-id.js';

// Independent restatement of the rule: d = 10th digit + 2; sum (d + digit_i) * [29,27,23,19,17]
// cyclically over the first ten digits; (sum % 11) with 10 mapped to 0 is the 11th digit.
function withCheckDigit(body: string): string {
  const coefficients = [29, 27, 23, 19, 17];
  const d = Number(body[9]) + 2;
  const sum = [...body].reduce((acc, c, i) => acc + (d + Number(c)) * (coefficients[i % 5] ?? 0), 0);
  return body + String((sum % 11) % 10);
}

test('a well-known valid legal national ID', () => {
  assert.equal(isValidLegalNationalId('10380284790'), true);
  assert.equal(withCheckDigit('1038028479'), '10380284790');
});

test('IDs built by the algorithm are valid; every other final digit is not', () => {
  for (const body of ['1010063668', '1400765091', '1086191562', '1032002334', '1486021399']) {
    const id = withCheckDigit(body);
    assert.equal(isValidLegalNationalId(id), true, id);
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== id[10]) assert.equal(isValidLegalNationalId(body + String(d)), false, body + d);
    }
  }
});

test('Persian digits, spaces and dashes are accepted', () => {
  assert.equal(isValidLegalNationalId('۱۰۳۸۰۲۸۴۷۹۰'), true);
  assert.equal(isValidLegalNationalId('103-8028-4790'), true);
  assert.equal(normalizeLegalNationalId(' ۱۰۳۸۰ ۲۸۴۷۹۰ '), '10380284790');
});

test('wrong lengths and non-digits are rejected', () => {
  // The library on its own would accept the 12-digit one.
  for (const s of ['', '1038028479', '103802847901', '0380284790', '1038028479O', 'abc']) {
    assert.equal(isValidLegalNationalId(s), false, s);
  }
  assert.equal(normalizeLegalNationalId('103802847901'), null);
});

test('all-zero and zero-middle IDs are rejected', () => {
  assert.equal(isValidLegalNationalId('00000000000'), false);
  const zeroMiddle = withCheckDigit('1000000000');
  assert.equal(isValidLegalNationalId(zeroMiddle), false);
});
