import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getModule } from '@peyvand/shared';
import { effectiveModule } from '../metadata/effective-module.js';
import { fromStoredChanges, toStoredChanges } from './stored-changes.js';

const contacts = getModule('contacts');
const withNickname = effectiveModule({
  ...contacts,
  fields: [...contacts.fields, { name: 'nickname', type: 'text', custom: true, label: { fa: 'لقب', en: 'Nickname' } }],
});

const created = [
  { field: 'firstName', from: null, to: 'سارا' },
  { field: 'phones', from: null, to: [{ kind: 'mobile', number: '+989121234567', typed: '09121234567' }] },
  { field: 'custom.nickname', from: null, to: 'سارا‌جان' },
  { field: 'ownerId', from: null, to: '01a24e7f-4ceb-7284-904b-e3ef894f1ff1' },
];

/** What the database gives back for a stored object: jsonb orders keys by length, then bytes. */
const asJsonbOrders = (stored: object) =>
  Object.fromEntries(Object.entries(stored).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1)));

test('a created entry is stored as { field: value } and reads back as the list, in the form’s order', () => {
  const stored = toStoredChanges('created', created);
  assert.deepEqual(stored, {
    firstName: 'سارا',
    phones: created[1]!.to,
    custom: { nickname: 'سارا‌جان' },
    ownerId: created[3]!.to,
  });
  assert.deepEqual(fromStoredChanges(withNickname, asJsonbOrders(stored)), created);
});

test('other entries, and a created one with a value from something, keep the list', () => {
  const updated = [{ field: 'title', from: 'کارشناس', to: 'مدیر' }];
  assert.equal(toStoredChanges('updated', updated), updated);
  const members = [{ field: 'memberIds', from: [], to: ['01a24e7f-4ceb-7284-904b-e3ef894f1ff1'] }];
  assert.equal(toStoredChanges('created', members), members);
  assert.equal(fromStoredChanges(withNickname, updated), updated);
});

test('a field no longer in the module, or added by a module’s hooks, still reads back, after the known ones', () => {
  const stored = toStoredChanges('created', [
    { field: 'lastName', from: null, to: 'کاظمی' },
    { field: 'custom.retired', from: null, to: 'قدیمی' },
    { field: 'password', from: null, to: null },
  ]);
  const read = fromStoredChanges(withNickname, stored).map((c): [string, unknown] => [c.field, c.to]);
  assert.deepEqual(read[0], ['lastName', 'کاظمی']);
  assert.deepEqual(
    new Map(read),
    new Map([
      ['lastName', 'کاظمی'],
      ['custom.retired', 'قدیمی'],
      ['password', null],
    ]),
  );
});
