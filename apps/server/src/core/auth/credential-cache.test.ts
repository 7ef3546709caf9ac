import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CredentialCache } from './credential-cache.js';

const listeningCache = (maxEntries?: number) => {
  const cache = new CredentialCache<string>(maxEntries);
  cache.setListening(true);
  return cache;
};

test('nothing is cached while changes could go unannounced', () => {
  const cache = new CredentialCache<string>();
  cache.set('a', 'alice', cache.readTicket());
  assert.equal(cache.get('a'), undefined);
  cache.setListening(true);
  cache.set('a', 'alice', cache.readTicket());
  assert.equal(cache.get('a'), 'alice');
  cache.setListening(false);
  assert.equal(cache.get('a'), undefined);
});

test('a change empties the cache', () => {
  const cache = listeningCache();
  cache.set('a', 'alice', cache.readTicket());
  cache.invalidate();
  assert.equal(cache.get('a'), undefined);
});

test('an answer read before a change is not kept', () => {
  const cache = listeningCache();
  const ticket = cache.readTicket();
  cache.invalidate();
  cache.set('a', 'alice before the change', ticket);
  assert.equal(cache.get('a'), undefined);
  cache.set('a', 'alice', cache.readTicket());
  assert.equal(cache.get('a'), 'alice');
});

test('when full, the oldest entry makes room', () => {
  const cache = listeningCache(2);
  for (const key of ['a', 'b', 'c']) cache.set(key, key.toUpperCase(), cache.readTicket());
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.get('b'), 'B');
  assert.equal(cache.get('c'), 'C');
});
