/**
 * The import upload (multipart/form-data) fed random, malformed and oversized forms: every
 * answer is a 2xx or a 4xx problem document, never a 5xx or a hang, and a refused upload
 * leaves nothing behind (fast-check, seed FC_SEED).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { changedTables, databaseFingerprint } from './support/database-fingerprint.js';
import { type Answer, assertWellFormedAnswer } from './support/hostile-requests.js';
import { FC_SEED, HOSTILE_STRINGS, hostileJson, hostileString } from './support/hostile-values.js';
import { type TestServer, startTestServer } from './support/test-server.js';

/** Small, so that files past it are quick to send. */
const IMPORT_MAX_BYTES = 64 * 1024;

let server: TestServer;

before(async () => {
  server = await startTestServer({ importMaxBytes: IMPORT_MAX_BYTES, jobPollIntervalMs: 3_600_000 });
});
after(() => server.stop());

const db = () => server.server.ctx.database.db;

interface Upload {
  fields: [string, string][];
  file: { part: string; name: string; bytes: Uint8Array } | undefined;
}

const csvOf = (cells: string[][]) => cells.map((row) => row.join(',')).join('\n');

const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }),
  fc
    .array(
      fc.array(fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom('firstName', 'lastName', 'email')), {
        maxLength: 6,
      }),
      {
        maxLength: 8,
      },
    )
    .map((cells) => new Uint8Array(Buffer.from(csvOf(cells), 'utf8'))),
  fc
    .constantFrom(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nEND:VCARD',
      'BEGIN:VCARD\r\nFN:=E2=80\r\nTEL;ENCODING=QUOTED-PRINTABLE:=ZZ\r\n',
      'PK\u0003\u0004broken zip',
      '\ufeff"firstName\n"unterminated',
    )
    .map((text) => new Uint8Array(Buffer.from(text, 'utf8'))),
);

const uploads: fc.Arbitrary<Upload> = fc.record({
  fields: fc.array(
    fc.tuple(
      fc.constantFrom('module', 'mapping', 'onDuplicate', 'matchOn', 'sheet', 'unknown'),
      fc.oneof(
        fc.constantFrom('contacts', 'leads', 'users', 'skip', 'merge', 'update', 'email', 'name', '1'),
        hostileJson.map((v) => JSON.stringify(v) ?? ''),
        hostileString,
      ),
    ),
    { maxLength: 6 },
  ),
  file: fc.option(
    fc.record({
      part: fc.constantFrom('file', 'file', 'file', 'attachment'),
      name: fc.oneof(
        fc.constantFrom('contacts.csv', 'contacts.xlsx', 'cards.vcf', 'noext', ''),
        hostileString.map((s) => s.slice(0, 200)),
      ),
      bytes: fileBytes,
    }),
    { nil: undefined },
  ),
});

async function post(path: string, body: FormData | Buffer, contentType?: string): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, ...(contentType ? { 'content-type': contentType } : {}) },
    body,
    signal: AbortSignal.timeout(20_000),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

function formOf(upload: Upload): FormData {
  const form = new FormData();
  for (const [name, value] of upload.fields) form.append(name, value);
  if (upload.file) form.append(upload.file.part, new Blob([upload.file.bytes]), upload.file.name);
  return form;
}

test('a preview of any form answers 2xx or a 4xx problem document and writes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(uploads, async (upload) => {
      const before = await databaseFingerprint(db());
      const answer = await post('/api/v1/imports/preview', formOf(upload));
      assertWellFormedAnswer(answer, JSON.stringify(upload.fields));
      assert.deepEqual(changedTables(before, await databaseFingerprint(db())), []);
    }),
    { seed: FC_SEED, numRuns: 60, includeErrorInReport: true },
  );
});

test('a file at the limit is read; one byte past it, or far past it, is a 413 naming the file, and nothing is written', async () => {
  const header = 'firstName,lastName\n';
  const fileOfSize = (size: number) =>
    Buffer.from(header + 'ب'.repeat(Math.ceil((size - header.length) / 2)), 'utf8').subarray(0, size);
  const atLimit = new FormData();
  atLimit.set('module', 'contacts');
  atLimit.set('file', new Blob([fileOfSize(IMPORT_MAX_BYTES)]), 'contacts.csv');
  assert.notEqual((await post('/api/v1/imports/preview', atLimit)).status, 413);
  for (const size of [IMPORT_MAX_BYTES + 1, IMPORT_MAX_BYTES * 20]) {
    for (const path of ['/api/v1/imports', '/api/v1/imports/preview']) {
      const before = await databaseFingerprint(db());
      const form = new FormData();
      form.set('module', 'contacts');
      form.set('file', new Blob([fileOfSize(size)]), 'contacts.csv');
      const answer = await post(path, form);
      assertWellFormedAnswer(answer, `${path} ${size} bytes`);
      assert.equal(answer.status, 413);
      assert.equal(JSON.parse(answer.text).errors[0].field, 'file');
      assert.deepEqual(changedTables(before, await databaseFingerprint(db())), []);
    }
  }
});

test('broken multipart bodies (no boundary, a truncated part, a wrong boundary) are 4xx problem documents', async () => {
  const broken: [string, Buffer][] = [
    ['multipart/form-data', Buffer.from('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc')],
    [
      'multipart/form-data; boundary=x',
      Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc'),
    ],
    ['multipart/form-data; boundary=x', Buffer.from('--y\r\n\r\n--y--')],
    ['multipart/form-data; boundary=x', Buffer.from([0xff, 0xfe, 0x00])],
    ['multipart/form-data; boundary=' + 'x'.repeat(300), Buffer.from('')],
  ];
  for (const [contentType, body] of broken) {
    for (const path of ['/api/v1/imports', '/api/v1/imports/preview']) {
      const answer = await post(path, body, contentType);
      assertWellFormedAnswer(answer, `${path} ${contentType}`);
      assert.ok(answer.status >= 400, `${path} ${contentType} → ${answer.status}`);
    }
  }
});
