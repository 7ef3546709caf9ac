import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixArabicLetters, normalizeDigitsOnly, normalizeForSearch } from './normalize.js';

const ZWNJ = '\u200C';

test('Arabic yeh/kaf/hamza variants match their Persian spelling', () => {
  assert.equal(normalizeForSearch('علي رضائي'), normalizeForSearch('علی رضایی'));
  assert.equal(normalizeForSearch('علي رضائي'), 'علی رضایی');
  assert.equal(normalizeForSearch('كاظمي'), 'کاظمی');
  assert.equal(normalizeForSearch('موسى'), 'موسی');
  assert.equal(normalizeForSearch('مؤسسه'), 'موسسه');
  assert.equal(normalizeForSearch('أحمد'), 'احمد');
  assert.equal(normalizeForSearch('إسلامی'), 'اسلامی');
  assert.equal(normalizeForSearch('آرش'), 'ارش');
  assert.equal(normalizeForSearch('ٱلله'), 'الله');
  assert.equal(normalizeForSearch('فاطمة'), 'فاطمه');
});

test('ezafe written as ۀ or as ه plus hamza folds to ه', () => {
  assert.equal(normalizeForSearch('خانۀ'), 'خانه');
  assert.equal(normalizeForSearch('خانهٔ'), 'خانه');
});

test('diacritics and tatweel are removed', () => {
  assert.equal(normalizeForSearch('مُحَمَّد'), 'محمد');
  assert.equal(normalizeForSearch('کتاباً'), 'کتابا');
  assert.equal(normalizeForSearch('رَحْمٰن'), 'رحمن');
  assert.equal(normalizeForSearch('ســـلام'), 'سلام');
});

test('ZWNJ, other zero-width characters and direction marks act as spaces', () => {
  assert.equal(normalizeForSearch(`می${ZWNJ}خواهم`), normalizeForSearch('می خواهم'));
  assert.equal(normalizeForSearch(`می${ZWNJ}خواهم`), 'می خواهم');
  assert.equal(normalizeForSearch('علی\u200Dرضا'), 'علی رضا');
  assert.equal(normalizeForSearch('\u200Fشرکت\u200E ABC\uFEFF'), 'شرکت abc');
  assert.equal(normalizeForSearch('\u2067نام\u2069'), 'نام');
});

test('digits become Latin and Latin letters lower-case', () => {
  assert.equal(normalizeForSearch('پلاک ۱۲ واحد ٣'), 'پلاک 12 واحد 3');
  assert.equal(normalizeForSearch('Peyvand CRM'), 'peyvand crm');
});

test('Arabic punctuation folds to ASCII', () => {
  assert.equal(normalizeForSearch('تهران، ایران؛ چرا؟'), 'تهران, ایران; چرا?');
  assert.equal(normalizeForSearch('۲٫۵٪'), '2.5%');
  assert.equal(normalizeForSearch('۱٬۰۰۰'), '1,000');
  assert.equal(normalizeForSearch('«پیوند»'), '"پیوند"');
});

test('presentation forms and full-width characters are unfolded', () => {
  // ﻋﻠﻲ is علي written with Arabic presentation forms, as PDFs often export it.
  assert.equal(normalizeForSearch('\uFECB\uFEE0\uFEF2'), 'علی');
  assert.equal(normalizeForSearch('\uFEFB'), 'لا');
  assert.equal(normalizeForSearch('ＡＢＣ１２'), 'abc12');
});

test('whitespace is collapsed and trimmed', () => {
  assert.equal(normalizeForSearch('  علی \t\n  رضایی\u00A0 '), 'علی رضایی');
  assert.equal(normalizeForSearch(''), '');
  assert.equal(normalizeForSearch(` ${ZWNJ} `), '');
});

test('normalizeForSearch is idempotent', () => {
  const once = normalizeForSearch(`  مُؤَسَّسۀ كاظمي${ZWNJ}ها، ۱۴۰۳  `);
  assert.equal(normalizeForSearch(once), once);
  assert.equal(once, 'موسسه کاظمی ها, 1403');
});

test('normalizeDigitsOnly keeps only digits, as Latin', () => {
  assert.equal(normalizeDigitsOnly('۰۹۱۲ ۱۲۳-۴۵۶۷'), '09121234567');
  assert.equal(normalizeDigitsOnly('+98 (21) ٨٨٧٧-٦٦٥٥'), '982188776655');
  assert.equal(normalizeDigitsOnly('تلفن ندارد'), '');
});

test('fixArabicLetters only touches Arabic yeh and kaf', () => {
  assert.equal(fixArabicLetters('علي كاظمي'), 'علی کاظمی');
  assert.equal(fixArabicLetters('رضائی مؤسسه آرش مُحَمَّد ۱۲'), 'رضائی مؤسسه آرش مُحَمَّد ۱۲');
  assert.equal(fixArabicLetters(`می${ZWNJ}خواهم`), `می${ZWNJ}خواهم`);
});
