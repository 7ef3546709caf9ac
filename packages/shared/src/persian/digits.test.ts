import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toLatinDigits, toPersianDigits } from './digits.js';

test('toLatinDigits converts Persian and Arabic-Indic digits', () => {
  assert.equal(toLatinDigits('۰۱۲۳۴۵۶۷۸۹'), '0123456789');
  assert.equal(toLatinDigits('٠١٢٣٤٥٦٧٨٩'), '0123456789');
  assert.equal(toLatinDigits('تلفن: ۰۹۱۲-٣٤٥-6789'), 'تلفن: 0912-345-6789');
});

test('toLatinDigits leaves other text and empty input alone', () => {
  assert.equal(toLatinDigits(''), '');
  assert.equal(toLatinDigits('abc 123 علی'), 'abc 123 علی');
});

test('toPersianDigits converts Latin and Arabic-Indic digits', () => {
  assert.equal(toPersianDigits('1403/05/12'), '۱۴۰۳/۰۵/۱۲');
  assert.equal(toPersianDigits('٤٥٦ and 789'), '۴۵۶ and ۷۸۹');
  assert.equal(toPersianDigits(''), '');
});

test('digit conversions round-trip', () => {
  const s = 'کد 0499370899';
  assert.equal(toLatinDigits(toPersianDigits(s)), s);
});
