import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isValidLegalNationalId,
  isValidNationalCode,
  isValidPostalCode,
  normalizeIranianPhone,
  toLatinDigits,
} from '@peyvand/shared';
import { CITIES, cityNamed } from './iran-geography.js';
import {
  legalIdCheckDigit,
  landline,
  legalNationalId,
  mobile,
  nationalCode,
  nationalCodeCheckDigit,
  postalCode,
  typedPhone,
} from './iranian-identifiers.js';
import { Random } from './random.js';

test('the check digits are the real ones: known codes verify', () => {
  assert.equal(nationalCodeCheckDigit('049937089'), 9); // 0499370899
  assert.equal(legalIdCheckDigit('1038028479'), 0); // 10380284790
});

test('generated national codes pass validation and carry their city’s registry prefix', () => {
  const rng = new Random('national-codes');
  for (const city of CITIES) {
    for (let i = 0; i < 50; i++) {
      const code = nationalCode(rng, city);
      assert.match(code, /^\d{10}$/);
      assert.ok(isValidNationalCode(code), `${code} (${city.name})`);
      assert.ok(city.nationalCodePrefixes.includes(code.slice(0, 3)));
    }
  }
});

test('generated legal national IDs and postal codes pass validation', () => {
  const rng = new Random('legal-ids');
  for (let i = 0; i < 2000; i++) {
    const id = legalNationalId(rng);
    assert.ok(isValidLegalNationalId(id), id);
    const city = rng.pick(CITIES);
    const code = postalCode(rng, city);
    assert.ok(isValidPostalCode(code), code);
    assert.ok(city.postalPrefixes.includes(code.slice(0, 2)));
  }
});

test('phones normalise to E.164, landlines with their province’s area code, however they are typed', () => {
  const rng = new Random('phones');
  for (let i = 0; i < 3000; i++) {
    const city = rng.pick(CITIES);
    const line = landline(rng, city);
    const typedLine = typedPhone(rng, line);
    const normalizedLine = normalizeIranianPhone(typedLine);
    assert.equal(normalizedLine?.kind, 'landline', typedLine);
    assert.equal(normalizedLine.e164, `+98${line.slice(1)}`);
    assert.ok(normalizedLine.e164.startsWith(`+98${city.province.areaCode}`));

    const cell = mobile(rng);
    const typedCell = typedPhone(rng, cell);
    const normalizedCell = normalizeIranianPhone(typedCell);
    assert.equal(normalizedCell?.kind, 'mobile', typedCell);
    assert.equal(normalizedCell.e164, `+98${cell.slice(1)}`);
  }
});

test('numbers are sometimes typed with Persian digits, which stand for the same number', () => {
  const rng = new Random('digits');
  const typed = Array.from({ length: 200 }, () => typedPhone(rng, landline(rng, cityNamed('اصفهان'))));
  assert.ok(typed.some((t) => /[۰-۹]/.test(t)));
  assert.ok(typed.some((t) => /^0\d{10}$/.test(t)));
  for (const t of typed) assert.match(toLatinDigits(t), /^[\d\s()+-]+$/);
});
