/**
 * Text is stored and given back byte for byte — Persian and Arabic letters, ZWNJ and ZWJ,
 * right-to-left and left-to-right marks and embeddings, combining marks, emoji sequences —
 * through every way out: get, list, query, search and CSV export (fast-check, seed FC_SEED).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { ApiClient } from './support/api-client.js';
import { FC_SEED } from './support/hostile-values.js';
import { ok } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
let api: ApiClient;

before(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url, server.adminToken);
  ok(
    await api.post('/api/v1/metadata/modules/contacts/fields', {
      name: 'nickname',
      type: 'text',
      label: { fa: 'لقب', en: 'Nickname' },
    }),
    201,
  );
});
after(() => server.stop());

const LETTERS = ['ا', 'ب', 'پ', 'ژ', 'ی', 'ي', 'ک', 'ك', 'ه', 'ة', 'ۀ', 'ئ', 'أ', 'ء', 'آ'];
const MARKS = [
  '\u200c', // ZWNJ
  '\u200d', // ZWJ
  '\u200f', // RLM
  '\u200e', // LRM
  '\u202b', // RLE
  '\u202c', // PDF
  '\u2067', // RLI
  '\u2069', // PDI
  '\u064e', // fatha
  '\u0651', // shadda
  '\u0670', // superscript alef
  'e\u0301', // e + combining acute (not normalised to é)
  'é', // precomposed, must not be decomposed either
  '\ufeff', // BOM inside text
];
const OTHERS = ['😀', '👨‍👩‍👧‍👦', '🇮🇷', '👍🏽', '۱', '٢', '3', ' ', '«', '»', '،', '؛', '؟', 'a', '"', ',', "'"];

/** Text that starts with a letter (so no spreadsheet would read it as a formula) and mixes the rest. */
const persianText = fc
  .tuple(
    fc.constantFrom(...LETTERS),
    fc.array(fc.constantFrom(...LETTERS, ...MARKS, ...OTHERS), { minLength: 0, maxLength: 40 }),
    fc.constantFrom(...LETTERS),
  )
  .map(([first, middle, last]) => `${first}${middle.join('')}${last}`);

let counter = 0;

test('text comes back byte for byte from get, list, query, search and CSV export', async () => {
  await fc.assert(
    fc.asyncProperty(persianText, persianText, persianText, async (firstName, nickname, description) => {
      // A plain word to find the record by; everything else is the text under test.
      const token = `rt${++counter}x${Date.now().toString(36)}`;
      const lastName = `${Array.from(description).slice(0, 6).join('')} ${token}`;
      const sent = { firstName, lastName, description, custom: { nickname } };
      const created = ok(await api.post('/api/v1/contacts', sent), 201);
      const same = (record: Record<string, any>, where: string) => {
        const got = {
          firstName: record.firstName,
          lastName: record.lastName,
          description: record.description,
          custom: { nickname: record.custom?.nickname },
        };
        assert.deepEqual(got, sent, `${where}: ${JSON.stringify(got)} != ${JSON.stringify(sent)}`);
      };
      same(created, 'create');
      same(ok(await api.get(`/api/v1/contacts/${created.id}`)), 'get');
      const listed = ok(await api.get(`/api/v1/contacts?q=${token}`)).data as Record<string, any>[];
      same(
        listed.find((r) => r.id === created.id)!,
        'list',
      );
      const queried = ok(
        await api.post('/api/v1/contacts/query', { filter: { field: 'firstName', op: 'eq', value: firstName } }),
      ).data as Record<string, any>[];
      same(
        queried.find((r) => r.id === created.id)!,
        'query by the text itself',
      );
      const found = ok(await api.get(`/api/v1/search?q=${token}`)).data as { record: Record<string, any> }[];
      same(found.find((hit) => hit.record.id === created.id)!.record, 'search');
      const exported = await fetch(`${server.url}/api/v1/contacts/export`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          format: 'csv',
          q: token,
          columns: ['firstName', 'lastName', 'description', 'custom.nickname'],
        }),
      });
      assert.equal(exported.status, 200);
      const rows = parse(Buffer.from(await exported.arrayBuffer()), { bom: true }) as string[][];
      assert.deepEqual(rows[1], [firstName, lastName, description, nickname], 'CSV export');
    }),
    { seed: FC_SEED, numRuns: 12, includeErrorInReport: true },
  );
});
