import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFormatter } from './format';

test('Persian interface: Jalali dates, Persian digits, Rial amounts with separators', () => {
  const f = createFormatter('fa', 'jalali');
  assert.equal(f.date('2024-08-02'), '۱۴۰۳/۰۵/۱۲');
  assert.equal(f.amount(12_500_000), '۱۲٬۵۰۰٬۰۰۰ ریال');
  assert.equal(f.dateTime('2024-08-02T08:30:00Z'), '۱۴۰۳/۰۵/۱۲ ۱۲:۰۰');
});

test('English interface: Gregorian dates on request, Latin digits', () => {
  const gregorian = createFormatter('en', 'gregorian');
  assert.equal(gregorian.date('2024-08-02'), '2024/08/02');
  assert.equal(gregorian.amount(1200), '1,200 IRR');
  assert.equal(createFormatter('en', 'jalali').date('2024-08-02'), '1403/05/12');
  assert.equal(gregorian.dateTime('2024-08-02T08:30:00Z'), '2024/08/02 12:00');
});
