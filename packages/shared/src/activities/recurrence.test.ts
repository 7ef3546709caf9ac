import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type SimpleRecurrence, parseSimpleRecurrence, toRrule } from './recurrence.js';

const series = (changes: Partial<SimpleRecurrence>): SimpleRecurrence => ({
  frequency: 'weekly',
  interval: 1,
  weekdays: [],
  end: { kind: 'never' },
  ...changes,
});

describe('a simple series as an RRULE', () => {
  test('every day, every two weeks on chosen days, every month, every year', () => {
    assert.equal(toRrule(series({ frequency: 'daily' })), 'FREQ=DAILY');
    assert.equal(toRrule(series({ interval: 2, weekdays: ['MO', 'SA'] })), 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,MO');
    assert.equal(toRrule(series({ frequency: 'monthly', end: { kind: 'after', count: 6 } })), 'FREQ=MONTHLY;COUNT=6');
    assert.equal(toRrule(series({ frequency: 'yearly' })), 'FREQ=YEARLY');
  });

  test('weekdays belong to weekly series only', () => {
    assert.equal(toRrule(series({ frequency: 'daily', weekdays: ['SA'] })), 'FREQ=DAILY');
  });

  test('until a day means through the evening of that day in Tehran', () => {
    // 23:59:59 at +03:30.
    assert.equal(toRrule(series({ end: { kind: 'on', date: '2027-01-20' } })), 'FREQ=WEEKLY;UNTIL=20270120T202959Z');
    // Tehran kept daylight saving (+04:30) in the summer of 2021.
    assert.equal(toRrule(series({ end: { kind: 'on', date: '2021-07-01' } })), 'FREQ=WEEKLY;UNTIL=20210701T192959Z');
  });
});

describe('an RRULE read back as a simple series', () => {
  test('what the form writes comes back the same', () => {
    const written = [
      series({ frequency: 'daily', interval: 3 }),
      series({ weekdays: ['SA', 'MO', 'WE'], end: { kind: 'on', date: '2027-03-20' } }),
      series({ frequency: 'monthly', end: { kind: 'after', count: 12 } }),
      series({ frequency: 'yearly', interval: 2 }),
    ];
    for (const s of written) assert.deepEqual(parseSimpleRecurrence(toRrule(s)), s);
  });

  test('a rule typed by hand, with its prefix, in any case and order', () => {
    assert.deepEqual(parseSimpleRecurrence('RRULE:byday=mo,sa;freq=weekly'), series({ weekdays: ['SA', 'MO'] }));
  });

  test('a rule that says more than a simple series is not simplified', () => {
    for (const rule of [
      'FREQ=MONTHLY;BYDAY=1SA',
      'FREQ=MONTHLY;BYMONTHDAY=15',
      'FREQ=MONTHLY;BYDAY=MO',
      'FREQ=WEEKLY;WKST=SA',
      'FREQ=HOURLY',
      'FREQ=SOMETIMES',
      'every monday',
      '',
    ])
      assert.equal(parseSimpleRecurrence(rule), undefined, rule);
  });
});
