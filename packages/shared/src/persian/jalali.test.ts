import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatJalaliDate,
  jalaliMonthNames,
  jalaliMonthRange,
  parseDateInput,
  parseJalaliDate,
  toJalaliParts,
} from './jalali.js';

// Known Jalali ↔ Gregorian pairs (Nowruz and the days around it, plus mid-year dates).
const PAIRS: ReadonlyArray<readonly [jalali: string, iso: string]> = [
  ['1403/01/01', '2024-03-20'],
  ['1402/12/29', '2024-03-19'],
  ['1402/01/01', '2023-03-21'],
  ['1399/12/30', '2021-03-20'],
  ['1400/01/01', '2021-03-21'],
  ['1403/12/30', '2025-03-20'],
  ['1404/01/01', '2025-03-21'],
  ['1403/05/12', '2024-08-02'],
  ['1357/11/22', '1979-02-11'],
  ['1379/10/12', '2001-01-01'],
  ['1402/10/10', '2023-12-31'],
];

test('known pairs convert both ways', () => {
  for (const [jalali, iso] of PAIRS) {
    assert.equal(parseJalaliDate(jalali), iso, jalali);
    assert.equal(formatJalaliDate(iso), jalali, iso);
  }
});

test('Persian/Arabic digits, one-digit parts and other separators are accepted', () => {
  assert.equal(parseJalaliDate('۱۴۰۳/۰۵/۱۲'), '2024-08-02');
  assert.equal(parseJalaliDate('١٤٠٣/٠٥/١٢'), '2024-08-02');
  assert.equal(parseJalaliDate('1403-5-2'), '2024-07-23');
  assert.equal(parseJalaliDate('1403.05.12'), '2024-08-02');
  assert.equal(parseJalaliDate(' 1403 / 05 / 12 '), '2024-08-02');
  assert.equal(parseJalaliDate('\u200F۱۴۰۳/۵/۱۲\u200E'), '2024-08-02');
});

test('Esfand 30 exists only in leap years', () => {
  assert.equal(parseJalaliDate('1399/12/30'), '2021-03-20');
  assert.equal(parseJalaliDate('1403/12/30'), '2025-03-20');
  assert.equal(parseJalaliDate('1400/12/30'), null);
  assert.equal(parseJalaliDate('1402/12/30'), null);
  assert.equal(parseJalaliDate('1404/12/30'), null);
});

test('month and day ranges are enforced', () => {
  assert.equal(parseJalaliDate('1403/06/31'), '2024-09-21');
  assert.equal(parseJalaliDate('1403/07/31'), null);
  assert.equal(parseJalaliDate('1403/07/30'), '2024-10-21');
  assert.equal(parseJalaliDate('1403/00/10'), null);
  assert.equal(parseJalaliDate('1403/13/01'), null);
  assert.equal(parseJalaliDate('1403/01/00'), null);
  assert.equal(parseJalaliDate('1403/01/32'), null);
});

test('malformed input is rejected', () => {
  for (const s of [
    '',
    'امروز',
    '1403/05',
    '03/05/12',
    '1403/05/12/01',
    '1403/05-12',
    '14030512',
    '1403/005/12',
    '1403/05/12 10:00',
  ]) {
    assert.equal(parseJalaliDate(s), null, s);
  }
});

test('parseJalaliDate refuses Gregorian years', () => {
  assert.equal(parseJalaliDate('2024/03/20'), null);
});

test('parseDateInput accepts either calendar, deciding by the year', () => {
  assert.equal(parseDateInput('2024-03-20'), '2024-03-20');
  assert.equal(parseDateInput('2024/3/20'), '2024-03-20');
  assert.equal(parseDateInput('۲۰۲۴-۰۳-۲۰'), '2024-03-20');
  assert.equal(parseDateInput('1403/01/01'), '2024-03-20');
  assert.equal(parseDateInput('۱۴۰۳-۱-۱'), '2024-03-20');
  assert.equal(parseDateInput('1699/01/01'), parseJalaliDate('1699/01/01'));
  assert.equal(parseDateInput('1700-01-01'), '1700-01-01');
});

test('parseDateInput validates Gregorian dates', () => {
  assert.equal(parseDateInput('2024-02-29'), '2024-02-29');
  assert.equal(parseDateInput('2023-02-29'), null);
  assert.equal(parseDateInput('1900-02-29'), null);
  assert.equal(parseDateInput('2000-02-29'), '2000-02-29');
  assert.equal(parseDateInput('2024-04-31'), null);
  assert.equal(parseDateInput('2024-13-01'), null);
  assert.equal(parseDateInput('2024-03-20T00:00:00Z'), null);
  assert.equal(parseDateInput('1400/12/30'), null);
});

test('toJalaliParts', () => {
  assert.deepEqual(toJalaliParts('2024-03-20'), { year: 1403, month: 1, day: 1 });
  assert.deepEqual(toJalaliParts('2021-03-20'), { year: 1399, month: 12, day: 30 });
});

test('formatJalaliDate with Persian digits', () => {
  assert.equal(formatJalaliDate('2024-08-02', { persianDigits: true }), '۱۴۰۳/۰۵/۱۲');
  assert.equal(formatJalaliDate('2024-08-02', { persianDigits: false }), '1403/05/12');
});

test('only existing date-only ISO strings are formatted', () => {
  for (const s of ['', '2024-02-30', '2024-3-20', '2024/03/20', '2024-03-20T10:00:00Z', '۲۰۲۴-۰۳-۲۰']) {
    assert.throws(() => formatJalaliDate(s), RangeError, s);
    assert.throws(() => toJalaliParts(s), RangeError, s);
  }
});

test('jalaliMonthRange', () => {
  assert.deepEqual(jalaliMonthRange(1403, 1), { start: '2024-03-20', end: '2024-04-19' });
  assert.deepEqual(jalaliMonthRange(1403, 7), { start: '2024-09-22', end: '2024-10-21' });
  assert.deepEqual(jalaliMonthRange(1402, 12), { start: '2024-02-20', end: '2024-03-19' });
  assert.deepEqual(jalaliMonthRange(1403, 12), { start: '2025-02-19', end: '2025-03-20' });
  for (const [y, m] of [
    [1403, 0],
    [1403, 13],
    [1403.5, 1],
    [1403, 1.5],
    [0, 1],
    [Number.NaN, 1],
  ] as const) {
    assert.throws(() => jalaliMonthRange(y, m), RangeError, `${y}/${m}`);
  }
});

test('consecutive months tile the year without gaps', () => {
  const nextDay = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  };
  for (const year of [1399, 1400, 1403]) {
    for (let month = 1; month < 12; month++) {
      assert.equal(nextDay(jalaliMonthRange(year, month).end), jalaliMonthRange(year, month + 1).start);
    }
    assert.equal(nextDay(jalaliMonthRange(year, 12).end), jalaliMonthRange(year + 1, 1).start);
  }
});

test('every day of a year round-trips between the calendars', () => {
  let count = 0;
  for (let month = 1; month <= 12; month++) {
    const { start, end } = jalaliMonthRange(1403, month);
    for (let d = 1; ; d++) {
      const jalali = `1403/${String(month).padStart(2, '0')}/${String(d).padStart(2, '0')}`;
      const iso = parseJalaliDate(jalali);
      if (iso === null) break;
      assert.equal(formatJalaliDate(iso), jalali);
      if (d === 1) assert.equal(iso, start);
      if (iso === end) assert.equal(parseJalaliDate(`1403/${month}/${d + 1}`), null);
      count++;
    }
  }
  assert.equal(count, 366);
});

test('jalaliMonthNames', () => {
  assert.equal(jalaliMonthNames.fa.length, 12);
  assert.equal(jalaliMonthNames.en.length, 12);
  assert.equal(jalaliMonthNames.fa[0], 'فروردین');
  assert.equal(jalaliMonthNames.fa[5], 'شهریور');
  assert.equal(jalaliMonthNames.fa[11], 'اسفند');
  assert.equal(jalaliMonthNames.en[0], 'Farvardin');
  assert.equal(jalaliMonthNames.en[5], 'Shahrivar');
  assert.equal(jalaliMonthNames.en[9], 'Dey');
  assert.ok(Object.isFrozen(jalaliMonthNames.fa));
});
