import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runCommand, webBuildIsStale } from './web-build.js';

let root: string;
let dist: string;
let sources: string[];

const at = (file: string, seconds: number) => fs.utimes(file, seconds, seconds);

before(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'peyvand-web-build-'));
  dist = path.join(root, 'dist');
  await fs.mkdir(path.join(root, 'src', 'core'), { recursive: true });
  await fs.writeFile(path.join(root, 'src', 'core', 'App.tsx'), 'export {}');
  await fs.writeFile(path.join(root, 'index.html'), '<div id="root"></div>');
  sources = [path.join(root, 'src'), path.join(root, 'index.html'), path.join(root, 'package.json')];
  for (const file of [
    path.join(root, 'src', 'core', 'App.tsx'),
    path.join(root, 'src', 'core'),
    ...sources.slice(0, 2),
  ])
    await at(file, 1_000);
});
after(() => fs.rm(root, { recursive: true, force: true }));

test('without a build, the web app must be built', async () => {
  assert.equal(await webBuildIsStale(dist, sources), true);
});

test('a build newer than every source is kept; a source changed after it (deep in src/) makes it stale', async () => {
  await fs.mkdir(dist, { recursive: true });
  await fs.writeFile(path.join(dist, 'index.html'), '<script type="module" src="/assets/index-1.js"></script>');
  await at(path.join(dist, 'index.html'), 2_000);
  assert.equal(await webBuildIsStale(dist, sources), false, 'missing sources (package.json) are ignored');

  await at(path.join(root, 'src', 'core', 'App.tsx'), 3_000);
  assert.equal(await webBuildIsStale(dist, sources), true);
});

test('a failing command rejects with its name; a succeeding one resolves', async () => {
  await runCommand(process.execPath, ['-e', 'process.exit(0)'], root);
  await assert.rejects(runCommand(process.execPath, ['-e', 'process.exit(3)'], root), /failed \(exit 3\)/);
  await assert.rejects(runCommand(path.join(root, 'no-such-command'), [], root), /ENOENT/);
});
