import assert from 'node:assert/strict';
import { test } from 'node:test';
import { periodOf, periodsCovering } from './jalali-periods.js';

test('a day falls in its Jalali month, named in both languages', () => {
  const mordad = periodOf('month', '2024-08-02');
  assert.deepEqual(mordad, {
    key: '1403-05',
    label: { fa: 'مرداد ۱۴۰۳', en: 'Mordad 1403' },
    start: '2024-07-22',
    end: '2024-08-21',
  });
  assert.equal(periodOf('month', '2024-03-19').key, '1402-12', 'the last day of Esfand 1402');
  assert.equal(periodOf('month', '2024-03-19').start, '2024-02-20');
  assert.equal(periodOf('month', '2024-03-20').key, '1403-01', 'Nowruz 1403 fell on 20 March 2024');
});

test('weeks run Saturday to Friday', () => {
  // 2 August 2024 was a Friday, 3 August a Saturday.
  assert.equal(periodOf('week', '2024-08-02').start, '2024-07-27');
  assert.equal(periodOf('week', '2024-08-02').end, '2024-08-02');
  const saturday = periodOf('week', '2024-08-03');
  assert.deepEqual(saturday, {
    key: '1403-05-13',
    label: { fa: 'هفته ۱۳ مرداد ۱۴۰۳', en: 'Week of 13 Mordad 1403' },
    start: '2024-08-03',
    end: '2024-08-09',
  });
});

test('periods covering a range are consecutive and include both ends', () => {
  const months = periodsCovering('month', '2024-03-01', '2024-05-01');
  assert.deepEqual(
    months.map((p) => p.key),
    ['1402-12', '1403-01', '1403-02'],
  );
  for (let i = 1; i < months.length; i++) {
    assert.equal(Date.parse(months[i]!.start) - Date.parse(months[i - 1]!.end), 86_400_000);
  }
  const weeks = periodsCovering('week', '2024-08-02', '2024-08-03');
  assert.equal(weeks.length, 2);
  assert.equal(periodsCovering('month', '2024-08-02', '2024-08-02').length, 1);
});
