import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importedDate, isEmptyDate } from './imported-date.js';

test('Outlook’s «0/0/00» and its variants are no date at all; real dates are not', () => {
  for (const empty of ['0/0/00', '00/00/0000', '0-0-00', '۰/۰/۰۰']) assert.equal(isEmptyDate(empty), true, empty);
  for (const date of ['1/1/2000', '1403/01/01', '2024-03-20']) assert.equal(isEmptyDate(date), false, date);
});

test('month/day/year as Outlook and Google write it; a first number over 12 is a day', () => {
  assert.equal(importedDate('3/21/1985'), '1985-03-21');
  assert.equal(importedDate('21/3/1985'), '1985-03-21');
  assert.equal(importedDate('۰۳/۲۱/۱۹۸۵'), '1985-03-21');
});

test('a date with a midnight time attached keeps its date', () => {
  assert.equal(importedDate('1988-11-02 00:00:00'), '1988-11-02');
  assert.equal(importedDate('1988-11-02T00:00:00Z'), '1988-11-02');
});

test('Jalali and ISO dates, and what is no date, are left for the field to judge', () => {
  for (const cell of ['1403/05/12', '2024-08-02', '--04-12', 'فردا']) assert.equal(importedDate(cell), cell);
});
