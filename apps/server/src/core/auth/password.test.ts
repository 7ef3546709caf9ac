import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PASSWORD_HASH_OPTIONS, hashPassword, spendVerificationTime, verifyPassword } from './password.js';

function parameters(hash: string): Record<string, string> {
  const match = /^\$argon2id\$v=19\$([^$]+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(hash);
  assert.ok(match, hash);
  return Object.fromEntries(match[1]!.split(',').map((p) => p.split('=') as [string, string]));
}

test('passwords are hashed with argon2id, 19 MiB, 2 passes, 1 lane, and a fresh salt each time', async () => {
  assert.deepEqual(
    { ...PASSWORD_HASH_OPTIONS, type: undefined },
    { type: undefined, memoryCost: 19_456, timeCost: 2, parallelism: 1 },
  );
  const first = await hashPassword('گذرواژه-۱۴۰۳');
  const second = await hashPassword('گذرواژه-۱۴۰۳');
  assert.deepEqual(parameters(first), { m: '19456', t: '2', p: '1' });
  assert.notEqual(first, second, 'salted');
  assert.ok(!first.includes('گذرواژه'));
});

test('verifyPassword accepts only the same password, and says no (never throws) to a damaged hash', async () => {
  const hash = await hashPassword('Correct-horse-1403');
  assert.equal(await verifyPassword(hash, 'Correct-horse-1403'), true);
  assert.equal(await verifyPassword(hash, 'correct-horse-1403'), false);
  assert.equal(await verifyPassword(hash, ''), false);
  assert.equal(await verifyPassword('not a hash', 'Correct-horse-1403'), false);
  assert.equal(await verifyPassword('', 'x'), false);
  assert.equal(await verifyPassword(hash.slice(0, -4), 'Correct-horse-1403'), false);
});

test('an unknown user costs about as much time as a known one', async () => {
  const hash = await hashPassword('Timing-pass-1403');
  await spendVerificationTime('warm-up');
  const time = async (task: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 3; i++) await task();
    return Number(process.hrtime.bigint() - start) / 3e6;
  };
  const known = await time(() => verifyPassword(hash, 'wrong-password'));
  const unknown = await time(() => spendVerificationTime('wrong-password'));
  assert.ok(
    unknown > known / 5 && unknown < known * 5,
    `known ${known.toFixed(1)} ms, unknown ${unknown.toFixed(1)} ms`,
  );
});
