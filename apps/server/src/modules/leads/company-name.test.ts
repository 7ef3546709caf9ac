import assert from 'node:assert/strict';
import { test } from 'node:test';
import { companyNameKey } from './company-name.js';

test('spellings of one company give one key', () => {
  const key = companyNameKey('پرتو گستر امید');
  assert.equal(companyNameKey('شرکت پرتو گستر امید'), key);
  assert.equal(companyNameKey('پرتو\u200cگستر امید (سهامی خاص)'), key, 'a half-space is a space');
  assert.equal(companyNameKey('  پرتو   گستر  امید. '), key);
  assert.equal(companyNameKey('شرکت پرتو گستر امید با مسئولیت محدود'), key);
});

test('Arabic letters and digits fold as in search', () => {
  assert.equal(companyNameKey('صنايع كاشي ۲۰۰۰'), companyNameKey('صنایع کاشی 2000'));
});

test('different companies keep different keys', () => {
  assert.notEqual(companyNameKey('پرتو گستر امید'), companyNameKey('پرتو گستر'));
  assert.notEqual(companyNameKey('شرکت نفت'), companyNameKey('نفت پارس'));
});

test('a name that is only a legal form keeps its words rather than becoming empty', () => {
  assert.equal(companyNameKey('شرکت'), 'شرکت');
});
