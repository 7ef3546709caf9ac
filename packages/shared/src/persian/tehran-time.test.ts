import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, tehranClockTime, tehranDateOf } from './tehran-time.js';

test("an instant's day is the day in Tehran, not in UTC", () => {
  // 21:00 UTC is 00:30 the next day in Tehran (UTC+03:30).
  assert.equal(tehranDateOf(new Date('2024-03-20T21:00:00Z')), '2024-03-21');
  assert.equal(tehranDateOf(new Date('2024-03-20T20:29:59Z')), '2024-03-20');
});

test('days are added across months and years', () => {
  assert.equal(addDays('2024-02-28', 2), '2024-03-01');
  assert.equal(addDays('2024-12-31', 1), '2025-01-01');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.throws(() => addDays('1403/01/01', 1), RangeError);
});

test('tehranClockTime reads a Tehran wall clock, 24-hour', () => {
  assert.equal(tehranClockTime(new Date('2025-03-20T21:00:00Z')), '00:30');
  assert.equal(tehranClockTime(new Date('2030-06-02T07:30:00Z')), '11:00');
});
