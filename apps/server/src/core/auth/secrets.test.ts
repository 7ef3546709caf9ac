import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashSecret, newSecret, sameSecret } from './secrets.js';

test('newSecret gives 256 random bits as URL-safe text, with an optional prefix', () => {
  const secret = newSecret();
  assert.match(secret, /^[A-Za-z0-9_-]{43}$/, 'base64url of 32 bytes, no padding');
  assert.equal(Buffer.from(secret, 'base64url').length, 32);
  const token = newSecret('pvd_');
  assert.match(token, /^pvd_[A-Za-z0-9_-]{43}$/);
  // Safe in a cookie, a header and a URL as it is.
  assert.equal(encodeURIComponent(secret), secret);
});

test('newSecret never repeats', () => {
  const seen = new Set(Array.from({ length: 2000 }, () => newSecret()));
  assert.equal(seen.size, 2000);
});

test('hashSecret is a stable SHA-256 that reveals nothing of the secret', () => {
  const secret = newSecret();
  assert.equal(hashSecret(secret), hashSecret(secret));
  assert.notEqual(hashSecret(secret), secret);
  assert.match(hashSecret(secret), /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(hashSecret(secret), hashSecret(`${secret}x`));
  assert.notEqual(hashSecret('pvd_a'), hashSecret('pvd_b'));
  // The known SHA-256 of "abc", so the stored hashes stay readable by other tools.
  assert.equal(
    hashSecret('abc'),
    Buffer.from('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'hex').toString('base64url'),
  );
});

test('sameSecret compares exactly, and does not throw on different lengths', () => {
  const secret = newSecret();
  assert.equal(sameSecret(secret, `${secret}`), true);
  assert.equal(sameSecret(secret, newSecret()), false);
  assert.equal(sameSecret(secret, secret.slice(0, -1)), false);
  assert.equal(sameSecret(secret, `${secret}A`), false);
  assert.equal(sameSecret(secret, ''), false);
  assert.equal(sameSecret(secret, secret.toUpperCase()), secret === secret.toUpperCase());
  // Same number of characters, different number of bytes.
  assert.equal(sameSecret('ab', 'é'), false);
  assert.equal(sameSecret('توکن', 'توکن'), true);
});
