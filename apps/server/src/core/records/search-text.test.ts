import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getModule } from '@peyvand/shared';
import { effectiveModule } from '../metadata/effective-module.js';
import { buildSearchText, searchWords } from './search-text.js';

const contacts = getModule('contacts');
const leads = getModule('leads');

describe('searchWords', () => {
  test('Arabic letters, diacritics and ZWNJ are folded like the stored text', () => {
    assert.deepEqual(searchWords('علي رضائي'), ['علی', 'رضایی']);
    assert.deepEqual(searchWords('  علی   رضایی '), ['علی', 'رضایی']);
    assert.deepEqual(searchWords('رضایی‌نژاد'), ['رضایی', 'نژاد']);
    assert.deepEqual(searchWords('مُحَمَّد'), ['محمد']);
    assert.deepEqual(searchWords('كريم'), ['کریم']);
    assert.deepEqual(searchWords('PASARGAD Trading'), ['pasargad', 'trading']);
  });

  test('a phone number in any format is one term: its digits without leading zeros', () => {
    for (const typed of [
      '09138086200',
      '0913 808 6200',
      '0913-808-6200',
      '(0913) 808 6200',
      '۰۹۱۳۸۰۸۶۲۰۰',
      '٠٩١٣ ٨٠٨ ٦٢٠٠',
    ]) {
      assert.deepEqual(searchWords(typed), ['9138086200'], typed);
    }
    assert.deepEqual(searchWords('+989138086200'), ['989138086200']);
    assert.deepEqual(searchWords('+98 913 808 6200'), ['989138086200']);
    assert.deepEqual(searchWords('0098 913 808 6200'), ['989138086200']);
  });

  test('digits in text become Latin; a lone number keeps at least one digit', () => {
    assert.deepEqual(searchWords('پارس ۲۰۲۴'), ['پارس', '2024']);
    assert.deepEqual(searchWords('0'), ['0']);
    assert.deepEqual(searchWords('۱۲۳'), ['123']);
  });

  test('an empty query has no words; a long one is cut to eight', () => {
    assert.deepEqual(searchWords(''), []);
    assert.deepEqual(searchWords(' \u200c '), []);
    const words = searchWords('یک دو سه چهار پنج شش هفت هشت نه ده');
    assert.equal(words.length, 8);
    assert.deepEqual(words.slice(0, 2), ['یک', 'دو']);
  });
});

describe('buildSearchText', () => {
  const contactModule = effectiveModule(contacts);

  test('holds searchable fields normalised, phones as E.164 digits', () => {
    const text = buildSearchText(
      contactModule,
      {
        firstName: 'علي',
        lastName: 'رضائي‌نژاد',
        phones: [{ kind: 'mobile', number: '+989138086200', typed: '0913 808 6200' }],
        emails: [{ kind: 'work', address: 'ali@example.ir' }],
        tags: ['مشتری ویژه'],
        addresses: [{ kind: 'main', city: 'اصفهان', street: 'چهارباغ' }],
        description: 'متن توضیحات که جستجو نمی‌شود',
      },
      {},
    );
    for (const part of ['علی', 'رضایی نژاد', '989138086200', 'ali@example.ir', 'مشتری ویژه', 'اصفهان', 'چهارباغ']) {
      assert.ok(text.includes(part), `${part} in «${text}»`);
    }
    assert.ok(!text.includes('توضیحات'), 'a long description is not part of the search text');
    assert.equal(text, text.trim());
    assert.ok(!/\s{2}/.test(text));
  });

  test('finds a phone however it is searched, holding the typed digits only when they add to E.164', () => {
    const phone = (number: string, typed: string) =>
      buildSearchText(contactModule, { lastName: 'x', phones: [{ kind: 'mobile', number, typed }] }, {});
    const text = phone('+989138086200', '0913 808 6200');
    assert.equal(text, 'x 989138086200');
    for (const query of ['0913 808 6200', '۰۹۱۳۸۰۸۶۲۰۰', '+98 913 808 6200', '0098 913 808 6200', '808 6200']) {
      for (const word of searchWords(query)) assert.ok(text.includes(word), `${query} → ${word}`);
    }
    assert.equal(phone('+982188881234', '021-8888-1234 داخلی 56'), 'x 982188881234 218888123456');
    assert.equal(phone('+982188881234', '۰۲۱-۸۸۸۸-۱۲۳۴ داخلی ۵۶'), 'x 982188881234 218888123456');
  });

  test('includes text of custom fields', () => {
    const withCustom = effectiveModule({
      ...leads,
      fields: [...leads.fields, { name: 'region', type: 'text', label: { fa: 'منطقه', en: 'Region' }, custom: true }],
    });
    const text = buildSearchText(withCustom, { lastName: 'صادقی' }, { region: 'شمال‌غرب' });
    assert.ok(text.includes('صادقی'));
    assert.ok(text.includes('شمال غرب'), text);
  });

  test('is capped in length', () => {
    const text = buildSearchText(
      contactModule,
      { tags: Array.from({ length: 50 }, (_, i) => `${'ب'.repeat(55)}${i}`), firstName: 'x'.repeat(255) },
      {},
    );
    assert.ok(text.length <= 20_000);
  });
});
