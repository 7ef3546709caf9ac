import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidIranianMobile, normalizeIranianPhone } from './phone.js';

const mobile = (e164: string) => ({ e164, kind: 'mobile' });
const landline = (e164: string) => ({ e164, kind: 'landline' });
const international = (e164: string) => ({ e164, kind: 'international' });

test('seed example numbers', () => {
  assert.deepEqual(normalizeIranianPhone('03191007879'), landline('+983191007879'));
  assert.deepEqual(normalizeIranianPhone('09138086200'), mobile('+989138086200'));
});

test('every usual way of writing a mobile number', () => {
  for (const s of [
    '09121234567',
    '9121234567',
    '+989121234567',
    '00989121234567',
    '989121234567',
    '0912 123 4567',
    '0912-123-4567',
    '0912.123.4567',
    '(0912) 123 4567',
    '+98 912 123 4567',
    '+98 (912) 123-4567',
    '0098 912 123 45 67',
    '۰۹۱۲۱۲۳۴۵۶۷',
    '٠٩١٢-١٢٣-٤٥٦٧',
    '+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷',
    ' \u200E09121234567\u200F ',
  ]) {
    assert.deepEqual(normalizeIranianPhone(s), mobile('+989121234567'), s);
  }
});

test('a trunk 0 kept after the country code is tolerated', () => {
  assert.deepEqual(normalizeIranianPhone('+98 0912 123 4567'), mobile('+989121234567'));
  assert.deepEqual(normalizeIranianPhone('+98 (0)21 8877 6655'), landline('+982188776655'));
  assert.deepEqual(normalizeIranianPhone('98 021 8877 6655'), landline('+982188776655'));
});

test('landlines with an area code', () => {
  for (const s of [
    '021-88776655',
    '02188776655',
    '(021) 8877 6655',
    '+98 21 8877 6655',
    '0098 21 88776655',
    '982188776655',
    '۰۲۱-۸۸۷۷۶۶۵۵',
  ]) {
    assert.deepEqual(normalizeIranianPhone(s), landline('+982188776655'), s);
  }
  assert.deepEqual(normalizeIranianPhone('051-38123456'), landline('+985138123456'));
  assert.deepEqual(normalizeIranianPhone('0713 234 5678'), landline('+987132345678'));
});

test('numbers of other countries need + or 00 and 8 to 15 digits', () => {
  assert.deepEqual(normalizeIranianPhone('+44 20 7946 0958'), international('+442079460958'));
  assert.deepEqual(normalizeIranianPhone('+44 (0)20 7946 0958'), international('+442079460958'));
  assert.deepEqual(normalizeIranianPhone('+1 415 555 2671'), international('+14155552671'));
  assert.deepEqual(normalizeIranianPhone('001 (415) 555-2671'), international('+14155552671'));
  assert.deepEqual(normalizeIranianPhone('+90 532 123 45 67'), international('+905321234567'));
  assert.deepEqual(normalizeIranianPhone('+1234567'), null);
  assert.deepEqual(normalizeIranianPhone('+1234567890123456'), null);
  assert.deepEqual(normalizeIranianPhone('14155552671'), null);
});

test('implausible input is rejected', () => {
  for (const s of [
    '',
    '   ',
    'ندارد',
    '0912123456',
    '091212345678',
    '88776655',
    '2188776655',
    '01012345678',
    '02088776655',
    '+98 912 123 456',
    '+98 21 8877 665',
    '+0912 123 4567',
    '0912 123 4567 داخلی ۱۲',
    '0912*1234567',
    '09121234567+',
    '++989121234567',
    '09121234567 09351234567',
  ]) {
    assert.equal(normalizeIranianPhone(s), null, s);
  }
});

test('isValidIranianMobile accepts only Iranian mobiles', () => {
  assert.equal(isValidIranianMobile('09138086200'), true);
  assert.equal(isValidIranianMobile('+98 990 123 4567'), true);
  assert.equal(isValidIranianMobile('۰۹۰۱۱۲۳۴۵۶۷'), true);
  assert.equal(isValidIranianMobile('03191007879'), false);
  assert.equal(isValidIranianMobile('+44 7700 900123'), false);
  assert.equal(isValidIranianMobile('0912123456'), false);
});
