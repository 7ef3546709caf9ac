import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatJalaliDate } from '@peyvand/shared';
import { isoDateOf } from '../../core/form/inputs/isoDate';
import { dayOfMonth, stepAnchor, visibleDays } from './calendarMath';

// 2026-11-23 is 1405/09/02, a Monday (دوشنبه).
const anchor = new Date(2026, 10, 23, 12);
const jalaliOf = (d: Date) => formatJalaliDate(isoDateOf(d));

test('a week runs Saturday to Friday', () => {
  const days = visibleDays('jalali', 'week', anchor);
  assert.equal(days.length, 7);
  assert.equal(days[0]!.getDay(), 6);
  assert.equal(jalaliOf(days[0]!), '1405/08/30');
  assert.equal(jalaliOf(days[6]!), '1405/09/06');
});

test('a Jalali month view covers Azar from its first to its last day, in whole weeks', () => {
  const days = visibleDays('jalali', 'month', anchor);
  const azar = days.filter((d) => jalaliOf(d).startsWith('1405/09/'));
  assert.equal(jalaliOf(azar[0]!), '1405/09/01');
  assert.equal(azar.length, 30);
  assert.equal(days.length % 7, 0);
  assert.equal(dayOfMonth('jalali', azar[0]!), 1);
});

test('the Gregorian month view follows November instead', () => {
  const days = visibleDays('gregorian', 'month', anchor);
  assert.equal(days.filter((d) => d.getMonth() === 10).length, 30);
  assert.equal(isoDateOf(stepAnchor('gregorian', 'month', anchor, 1)).slice(0, 7), '2026-12');
  assert.equal(jalaliOf(stepAnchor('jalali', 'month', anchor, 1)).slice(0, 7), '1405/10');
});
