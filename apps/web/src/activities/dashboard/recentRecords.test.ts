import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withRecent } from './recentRecords';

test('a record seen again moves to the front; the list keeps the ten latest', () => {
  const list = Array.from({ length: 10 }, (_, i) => ({ module: 'leads', id: String(i) }));
  const next = withRecent(list, { module: 'leads', id: '5' });
  assert.deepEqual(next[0], { module: 'leads', id: '5' });
  assert.equal(next.length, 10);
  const added = withRecent(next, { module: 'contacts', id: 'x' });
  assert.equal(added.length, 10);
  assert.equal(
    added.some((r) => r.id === '9'),
    false,
  );
});
