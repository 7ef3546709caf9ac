import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { cliTargetForThisFile, runCli } from './support/cli-runner.js';

/** `peyvand import` run as a user runs it: a separate process on a data directory or a fresh PostgreSQL database. */
const target = cliTargetForThisFile('peyvand-import-cli');
const cli = (args: string[]) => runCli(target, args);

test('peyvand import prints a progress bar and the counts; a second run skips the duplicate', async () => {
  const file = path.join(target.dataDir, 'contacts.csv');
  await fs.writeFile(file, 'نام,نام خانوادگی,موبایل\nعلی,کاظمی,09121234567\nبد,کاظمی,123\n');
  const first = await cli(['import', '--module', 'contacts', '--file', file]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^completed: 1 imported, 0 updated, 0 skipped, 1 failed \(import [0-9a-f-]{36}\)$/m);
  assert.match(first.stderr, /\[#{30}\] 100% 2\/2 rows/);
  const again = await cli(['import', '--module', 'contacts', '--file', file, '--match-on', 'mobile']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /completed: 0 imported, 0 updated, 1 skipped, 1 failed/);
  const bad = await cli(['import', '--module', 'contacts', '--file', file, '--on-duplicate', 'nope']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /onDuplicate/);
});
