import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { en } from './en';
import { fa } from './fa';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function lookup(resources: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources);
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])),
  );
  return nested.flat().filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));
}

test('every key the screens ask for by name exists in both languages', async () => {
  const missing: string[] = [];
  let checked = 0;
  for (const file of await sourceFiles(SRC)) {
    const text = await readFile(file, 'utf8');
    for (const [, key] of text.matchAll(/\bt\(\s*'([^']+)'/g)) {
      checked++;
      for (const [language, resources] of [
        ['fa', fa],
        ['en', en],
      ] as const) {
        if (typeof lookup(resources, key!) !== 'string')
          missing.push(`${language}:${key} (${path.relative(SRC, file)})`);
      }
    }
  }
  assert.deepEqual(missing, []);
  assert.ok(checked > 100, `only ${checked} keys found: is the pattern still right?`);
});

test('placeholders are the same in both languages', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  const walk = (faNode: object, enNode: object, prefix: string): string[] =>
    Object.entries(faNode).flatMap(([key, value]) => {
      const other = (enNode as Record<string, unknown>)[key];
      if (typeof value === 'object') return walk(value as object, other as object, `${prefix}${key}.`);
      return JSON.stringify(placeholders(value as string)) === JSON.stringify(placeholders(other as string))
        ? []
        : [`${prefix}${key}`];
    });
  assert.deepEqual(walk(fa, en, ''), []);
});
