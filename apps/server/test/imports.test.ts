import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { ApiClient } from './support/api-client.js';
import { expectProblem, nationalCode, ok, plainUserClient } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';
import { runImport as runImportJob } from '../src/modules/imports/import-job.js';
import { startImportWorker } from '../src/modules/imports/import-worker.js';
import { LeaseLost } from '../src/modules/imports/imports.repository.js';
import { withImportTables } from '../src/modules/imports/imports.tables.js';

let server: TestServer;
let api: ApiClient;

interface Form {
  file: Buffer | string;
  fileName?: string;
  module?: string;
  mapping?: Record<string, string | null>;
  onDuplicate?: string;
  matchOn?: string;
  sheet?: string;
}

async function upload(path: string, form: Form, language: 'fa' | 'en' = 'fa') {
  const body = new FormData();
  body.set('module', form.module ?? 'contacts');
  if (form.mapping) body.set('mapping', JSON.stringify(form.mapping));
  if (form.onDuplicate) body.set('onDuplicate', form.onDuplicate);
  if (form.matchOn) body.set('matchOn', form.matchOn);
  if (form.sheet) body.set('sheet', form.sheet);
  const bytes = typeof form.file === 'string' ? Buffer.from(form.file, 'utf8') : form.file;
  body.set('file', new Blob([bytes]), form.fileName ?? 'contacts.csv');
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'accept-language': language },
    body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

async function finished(id: string, until: string[] = ['completed', 'failed', 'undone']) {
  for (let i = 0; i < 600; i++) {
    const state = ok(await api.get(`/api/v1/imports/${id}`));
    if (until.includes(state.status)) return state;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

/** Queues a CSV of contacts on a test server whose worker does not poll; the import's id. */
async function queueImportOn(target: TestServer, csv: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('module', 'contacts');
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('file', new Blob([csv]), 'queued.csv');
  const response = await fetch(`${target.url}/api/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.adminToken}` },
    body: form,
  });
  return ((await response.json()) as { id: string }).id;
}

/** Runs the queued imports: 'hung' when the run has not returned after 30 s (batches waiting on each other). */
async function runGuarded(target: TestServer, batchSize: number): Promise<'returned' | 'hung'> {
  const worker = startImportWorker(target.server.ctx, target.server.app.log);
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(resolve, 30_000, 'hung')));
  const run = await Promise.race([worker.runNow({ batchSize }).then(() => 'returned' as const), hung]);
  clearTimeout(timer);
  if (run === 'returned') await worker.stop();
  return run;
}

async function runImport(form: Form) {
  const started = await upload('/api/v1/imports', form);
  assert.equal(started.status, 202, JSON.stringify(started.body));
  return finished(started.body.id);
}

async function errorsCsv(id: string, language: 'fa' | 'en' = 'en') {
  const response = await fetch(`${server.url}/api/v1/imports/${id}/errors`, {
    headers: { authorization: `Bearer ${server.adminToken}`, 'accept-language': language },
  });
  assert.equal(response.status, 200);
  return parse(Buffer.from(await response.arrayBuffer()).toString('utf8'), {
    bom: true,
    relax_column_count: true,
  }) as string[][];
}

const contactsNamed = async (lastName: string) =>
  ok(
    await api.post('/api/v1/contacts/query', {
      filter: { field: 'lastName', op: 'eq', value: lastName },
      limit: 200,
      sort: 'number',
    }),
  ).data;

before(async () => {
  server = await startTestServer({ jobPollIntervalMs: 50 });
  api = new ApiClient(server.url, server.adminToken);
  ok(await api.post('/api/v1/organizations', { name: 'پرتو گستر امید' }), 201);
});
after(() => server.stop());

describe('CSV import', () => {
  test('Persian headers are mapped, values converted, and every row is imported or reported', async () => {
    const code = nationalCode('001234567');
    const csv = [
      'نام,نام خانوادگی,موبایل,ایمیل,تاریخ تولد,سازمان,کد ملی,راه ارتباطی ترجیحی',
      `سارا,تهرانی,۰۹۱۲۱۲۳۴۵۶۷,Sara@Example.ir,۱۳۷۰/۰۱/۱۵,پرتو گستر امید,${code},ایمیل`,
      'رضا,تهرانی,0912 765 4321,reza@example.ir,1991-04-04,,,',
      'بد,تهرانی,12345,not-an-email,1370/13/40,شرکت ناموجود,,',
      ',,,,,,,',
      'مینا,تهرانی,,,,,,پیک موتوری',
    ].join('\r\n');
    const state = await runImport({ file: csv });
    assert.equal(state.status, 'completed');
    assert.deepEqual(
      {
        total: state.totalRows,
        done: state.rowsDone,
        imported: state.imported,
        failed: state.failed,
        skipped: state.skipped,
      },
      { total: 4, done: 4, imported: 2, failed: 2, skipped: 0 },
    );
    const stored = await contactsNamed('تهرانی');
    assert.equal(stored.length, 2);
    const sara = stored.find((c: { firstName: string }) => c.firstName === 'سارا');
    assert.deepEqual(
      sara.phones.map((p: { number: string; kind: string }) => [p.kind, p.number]),
      [['mobile', '+989121234567']],
    );
    assert.deepEqual(
      sara.emails.map((e: { address: string }) => e.address),
      ['sara@example.ir'],
    );
    assert.equal(sara.birthDate, '1991-04-04');
    assert.equal(sara.nationalCode, code);
    assert.equal(sara.preferredChannel, 'email');
    assert.ok(sara.organizationId);

    const report = await errorsCsv(state.id);
    assert.deepEqual(report[0], [
      'نام',
      'نام خانوادگی',
      'موبایل',
      'ایمیل',
      'تاریخ تولد',
      'سازمان',
      'کد ملی',
      'راه ارتباطی ترجیحی',
      'Row number',
      'Reason',
    ]);
    assert.equal(report.length, 3);
    const bad = report.find((r) => r[0] === 'بد')!;
    assert.equal(bad[8], '4');
    for (const column of ['موبایل', 'ایمیل', 'تاریخ تولد']) assert.match(bad[9]!, new RegExp(`"${column}"`));
    const mina = report.find((r) => r[0] === 'مینا')!;
    assert.equal(mina[8], '6');
    assert.match(mina[9]!, /"راه ارتباطی ترجیحی" \(Preferred channel\)/);
  });

  test('semicolons, Windows-1256 and no header match: the given mapping is used', async () => {
    // Code page 1256 has the Arabic ي, which Persian Windows used for ی; it comes back as ی.
    const text = 'a;b;c\r\nعلي;ويندوزي;09351112233\r\nزهرا;ويندوزي;09351112234\r\n';
    const state = await runImport({
      file: iconv.encode(text, 'windows-1256'),
      mapping: { a: 'firstName', b: 'lastName', c: 'phones.work' },
    });
    assert.equal(state.imported, 2, JSON.stringify(state));
    const stored = await contactsNamed('ویندوزی');
    assert.deepEqual(stored.map((c: { firstName: string }) => c.firstName).sort(), ['زهرا', 'علی']);
    assert.equal(stored[0].phones[0].kind, 'work');
  });

  test('preview shows detected columns, the proposed mapping and rows as stored, and writes nothing', async () => {
    const csv =
      '\uFEFFFirst Name\tLast Name\tE-mail Address\tMobile Phone\r\nNima\tPreview\tnima@example.ir\t09121110000\r\nX\tPreview\tbad\t\r\n';
    const preview = await upload('/api/v1/imports/preview', { file: csv }, 'en');
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.equal(preview.body.delimiter, '\t');
    assert.equal(preview.body.encoding, 'utf-8');
    assert.deepEqual(preview.body.mapping, {
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'E-mail Address': 'emails.work',
      'Mobile Phone': 'phones.mobile',
    });
    assert.deepEqual(preview.body.rows[0].values.phones, [
      { kind: 'mobile', number: '+989121110000', typed: '09121110000' },
    ]);
    assert.equal(preview.body.rows[1].values, null);
    assert.equal(preview.body.rows[1].errors[0].column, 'E-mail Address');
    assert.equal((await contactsNamed('Preview')).length, 0);
  });

  test('duplicates by e-mail: skip, update (undone later) and merge', async () => {
    const first = await runImport({ file: 'First Name,Last Name,Email,Job title\r\nDina,Dup,dina@example.ir,\r\n' });
    assert.equal(first.imported, 1);
    const again = 'First Name,Last Name,Email,Job title\r\nDina,Duplicate,DINA@example.ir,CEO\r\n';
    const skipped = await runImport({ file: again, matchOn: 'email', onDuplicate: 'skip' });
    assert.deepEqual([skipped.imported, skipped.skipped], [0, 1]);
    const merged = await runImport({ file: again, matchOn: 'email', onDuplicate: 'merge' });
    assert.deepEqual([merged.imported, merged.updated], [0, 1]);
    let [dina] = await contactsNamed('Dup');
    assert.deepEqual([dina.lastName, dina.title], ['Dup', 'CEO']);
    const updated = await runImport({ file: again, matchOn: 'email', onDuplicate: 'update' });
    assert.equal(updated.updated, 1);
    assert.equal((await contactsNamed('Duplicate')).length, 1);

    const undo = await api.post(`/api/v1/imports/${updated.id}/undo`);
    assert.equal(undo.status, 202, JSON.stringify(undo.body));
    assert.equal((await finished(updated.id, ['undone'])).undone, 1);
    [dina] = await contactsNamed('Dup');
    assert.equal(dina.title, 'CEO');
    expectProblem(await api.post(`/api/v1/imports/${updated.id}/undo`), 409, {
      field: 'status',
      code: 'import_not_undoable',
    });
  });

  test('duplicates by national code and by the name as Persian normalises it', async () => {
    const code = nationalCode('004512389');
    const header = 'نام,نام خانوادگی,کد ملی,سمت';
    await runImport({ file: `${header}\r\nکاوه,کدملی‌دار,${code},\r\n` });
    // The same code in Persian digits finds the contact: the row updates it instead of adding another.
    const persianCode = code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    const byCode = await runImport({
      file: `${header}\r\nکاوه,کدملی‌دار,${persianCode},مدیر فروش\r\n`,
      matchOn: 'nationalCode',
      onDuplicate: 'update',
    });
    assert.deepEqual([byCode.imported, byCode.updated], [0, 1]);
    const [kaveh, ...others] = await contactsNamed('کدملی‌دار');
    assert.deepEqual([kaveh.title, others.length], ['مدیر فروش', 0]);

    await runImport({ file: 'First Name,Last Name\r\nمریم,نامدار\r\n' });
    // The Arabic ي of an old file is the Persian ی once normalised: the same name, skipped.
    const byName = await runImport({
      file: 'First Name,Last Name\r\nمريم,نامدار\r\nمریم,نامدارِ دیگر\r\n',
      matchOn: 'name',
      onDuplicate: 'skip',
    });
    assert.deepEqual([byName.imported, byName.skipped], [1, 1]);
    assert.equal((await contactsNamed('نامدار')).length, 1);

    // Other spacing is the same name; a row naming another organization is another person.
    await runImport({ file: 'First Name,Last Name,Organization\r\nمحمدرضا,همنامی,پرتو گستر امید\r\n' });
    const spaced = await runImport({
      file: [
        'First Name,Last Name,Organization,Job Title',
        'محمد رضا,همنامی,پرتو گستر امید,مدیر',
        'محمد رضا,همنامی,شرکت دیگری,کارشناس',
        'محمد رضا,همنامی,,',
      ].join('\r\n'),
      matchOn: 'name',
      onDuplicate: 'update',
    });
    assert.deepEqual([spaced.updated, spaced.imported, spaced.skipped], [1, 1, 1], JSON.stringify(spaced));
    const namesakes = await contactsNamed('همنامی');
    assert.deepEqual(
      namesakes.map((c: { firstName: string; title?: string }) => [c.firstName, c.title ?? null]),
      // The first is the stored one, updated (its name as the row spells it); the second is new.
      [
        ['محمد رضا', 'مدیر'],
        ['محمد رضا', 'کارشناس'],
      ],
    );
  });

  test('organizations that rows name and that do not exist are created once, first; the preview says so; undo takes them back', async () => {
    const organizationsNamed = async (name: string) =>
      ok(await api.post('/api/v1/organizations/query', { filter: { field: 'name', op: 'eq', value: name } })).data;
    ok(await api.post('/api/v1/organizations', { name: 'همنام' }), 201);
    ok(await api.post('/api/v1/organizations', { name: 'همنام' }), 201);
    const csv = [
      'نام,نام خانوادگی,سازمان,ایمیل',
      'آرش,سازمان‌دار,پرتو گستر امید,', // exists
      'بهار,سازمان‌دار,رایان نوین,', // new
      'پویا,سازمان‌دار,رايان  نوين,', // the same name, typed with Arabic letters and two spaces
      'ژیلا,سازمان‌دار,همنام,', // two organizations have it: which one is not guessed
      'سینا,سازمان‌دار,01900000-0000-7000-8000-000000000000,', // an id that is none: not a name
      'تینا,سازمان‌دار,نگین فن,', // new, and someone adds a contact to it before the undo
      'کاوه,سازمان‌دار,گروه خطادار,kaveh-at-example', // new, but the row fails: nothing is created for it
      ',,گروه بی‌نام,', // new, but the row has no name, which creating the contact would refuse
    ].join('\r\n');
    const preview = ok(await upload('/api/v1/imports/preview', { file: csv }, 'en'));
    const notesOf = (row: number) =>
      preview.rows.find((r: { rowNumber: number }) => r.rowNumber === row).notes.map((n: { text: string }) => n.text);
    assert.deepEqual(notesOf(3), [
      'Column "سازمان" (Organization): "رایان نوین" does not exist yet and is created by the import.',
    ]);
    assert.deepEqual(notesOf(2), []);
    assert.deepEqual(preview.rows[1].errors, []);
    assert.equal(preview.rows[3].errors[0].code, 'reference_ambiguous');
    assert.equal(preview.rows[4].errors[0].code, 'reference_not_found');
    assert.deepEqual(notesOf(8), [], 'a row that fails creates nothing');
    assert.deepEqual(notesOf(9), []);
    assert.equal(preview.rows[7].errors[0].code, 'required_one_of', 'the preview says what the import will');
    assert.equal((await organizationsNamed('رایان نوین')).length, 0, 'the preview writes nothing');

    const state = await runImport({ file: csv });
    assert.deepEqual([state.imported, state.failed, state.createdRelated], [4, 4, { organizations: 2 }]);
    assert.equal((await organizationsNamed('گروه خطادار')).length, 0);
    assert.equal((await organizationsNamed('گروه بی‌نام')).length, 0);
    const [created] = await organizationsNamed('رایان نوین');
    const contacts = await contactsNamed('سازمان‌دار');
    assert.deepEqual(
      contacts.map((c: { firstName: string; organizationId: string }) => [
        c.firstName,
        c.organizationId === created.id,
      ]),
      [
        ['آرش', false],
        ['بهار', true],
        ['پویا', true],
        ['تینا', false],
      ],
    );
    assert.ok(contacts[0].organizationId);
    const [negin] = await organizationsNamed('نگین فن');
    ok(await api.post('/api/v1/contacts', { firstName: 'دستی', lastName: 'افزوده', organizationId: negin.id }), 201);

    ok(await api.post(`/api/v1/imports/${state.id}/undo`), 202);
    await finished(state.id, ['undone']);
    assert.equal((await contactsNamed('سازمان‌دار')).length, 0);
    assert.equal((await organizationsNamed('رایان نوین')).length, 0);
    assert.equal((await organizationsNamed('پرتو گستر امید')).length, 1, 'what existed before stays');
    assert.equal((await organizationsNamed('نگین فن')).length, 1, 'one a contact added since is in stays');

    // A file of organizations never creates one of its own rows first: a parent named further up
    // is the file's own row, made once.
    const parents = await runImport({
      module: 'organizations',
      file: 'نام سازمان,سازمان مادر\r\nزیرمجموعه آلفا,گروه آلفا\r\nگروه آلفا,\r\n',
    });
    assert.deepEqual([parents.imported, parents.failed, parents.createdRelated], [1, 1, {}], JSON.stringify(parents));
    assert.equal((await organizationsNamed('گروه آلفا')).length, 1);
  });

  test('undo sends what the import created to the recycle bin', async () => {
    const state = await runImport({ file: 'First Name,Last Name\r\nA,Undone\r\nB,Undone\r\n' });
    assert.equal((await contactsNamed('Undone')).length, 2);
    ok(await api.post(`/api/v1/imports/${state.id}/undo`), 202);
    await finished(state.id, ['undone']);
    assert.equal((await contactsNamed('Undone')).length, 0);
    const bin = ok(await api.get('/api/v1/recycle-bin?module=contacts&limit=200')).data;
    assert.equal(bin.filter((r: { lastName: string }) => r.lastName === 'Undone').length, 2);
  });

  test('the newest imports are listed, so one can be found again after leaving its page', async () => {
    const older = await runImport({ file: 'First Name,Last Name\r\nA,Listed\r\n' });
    const newer = await runImport({ file: 'First Name,Last Name\r\nB,Listed\r\nC,Listed\r\n' });
    const listed = ok(await api.get('/api/v1/imports?module=contacts&limit=2')).data;
    assert.deepEqual(
      listed.map((i: { id: string; imported: number; status: string }) => [i.id, i.imported, i.status]),
      [
        [newer.id, 2, 'completed'],
        [older.id, 1, 'completed'],
      ],
    );
    const ofOrganizations = ok(await api.get('/api/v1/imports?module=organizations')).data;
    assert.ok(ofOrganizations.every((i: { module: string }) => i.module === 'organizations'));
    assert.ok(!ofOrganizations.some((i: { id: string }) => i.id === newer.id || i.id === older.id));
    // A user sees the imports they started, not the administrator's.
    const plain = await plainUserClient(server.url, api);
    assert.deepEqual(ok(await plain.api.get('/api/v1/imports')).data, []);
    expectProblem(await api.get('/api/v1/imports?limit=0'), 400, { field: 'limit' });
  });

  test('a quote left open fails the import at its row, before any row is stored', async () => {
    const fileOf = (rows: number, openAt: number) => {
      const lines = Array.from({ length: rows }, (_, i) => `ردیف${i},Unclosed`);
      lines[openAt] = '"باز,Unclosed';
      return `First Name,Last Name\r\n${lines.join('\r\n')}\r\n`;
    };
    // Within the part of the file read on upload: refused there.
    expectProblem(await upload('/api/v1/imports', { file: fileOf(40, 30) }), 400, { code: 'quote_not_closed' });
    // Further in: the job stops at it, having counted the rows before writing any.
    const state = await runImport({ file: fileOf(6000, 5000) });
    assert.equal(state.status, 'failed');
    assert.equal(state.errorCode, 'quote_not_closed');
    assert.match(state.error, /^ردیف 5002: نقل‌قول/);
    const english = ok(await api.get(`/api/v1/imports/${state.id}`, { language: 'en' }));
    assert.match(english.error, /^Row 5002: a quoted cell is not closed/);
    assert.equal((await contactsNamed('Unclosed')).length, 0);
  });

  test('bad uploads are 4xx naming the field, in both languages', async () => {
    expectProblem(await upload('/api/v1/imports', { file: 'x\r\n1', module: 'nope' }), 400, { field: 'module' });
    expectProblem(await upload('/api/v1/imports', { file: 'a,b\r\n1,2', mapping: { zzz: 'firstName' } }), 400, {
      field: 'mapping.zzz',
      code: 'unknown_column',
    });
    expectProblem(await upload('/api/v1/imports', { file: 'a,b\r\n1,2', mapping: { a: 'nope' } }, 'en'), 400, {
      field: 'mapping.a',
      code: 'unknown_field',
    });
    expectProblem(
      await upload('/api/v1/imports', { file: 'First Name\r\nx', matchOn: 'mobile', module: 'groups' }),
      400,
      {
        field: 'matchOn',
      },
    );
    // Updating duplicates without saying how they are found would create every row anew.
    const keyless = await upload('/api/v1/imports', { file: 'First Name\r\nx', onDuplicate: 'update' }, 'en');
    const noKey = expectProblem(keyless, 400, { field: 'matchOn', code: 'match_key_required' });
    assert.match(noKey!.message, /key duplicates are found by/);
    expectProblem(await upload('/api/v1/imports', { file: '' }), 400, { field: 'file' });
    // A quote left open would take the rows after it into one cell: the preview stops at its row.
    const broken = await upload('/api/v1/imports/preview', { file: 'نام,سمت\r\nعلی,"مدیر\r\nرضا,فروش\r\n' });
    const quote = expectProblem(broken, 400, { field: 'file', code: 'quote_not_closed' });
    assert.match(quote!.message, /^ردیف 2:/);
    expectProblem(await api.post('/api/v1/imports', { module: 'contacts' }), 415, { field: 'file' });
    expectProblem(await api.get('/api/v1/imports/00000000-0000-4000-8000-000000000000'), 404);
  });
});

describe('xlsx import', () => {
  test('the first sheet of a workbook with Persian headers and Jalali dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('مخاطبین');
    sheet.addRow(['نام', 'نام خانوادگی', 'تاریخ تولد', 'تلفن همراه']);
    sheet.addRow(['پریسا', 'اکسلی', '1375/06/31', 9121234000]);
    sheet.addRow(['کاوه', 'اکسلی', new Date(Date.UTC(1990, 0, 2)), '09121234001']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const state = await runImport({ file: bytes, fileName: 'contacts.xlsx' });
    assert.equal(state.imported, 2, JSON.stringify(state));
    const stored = await contactsNamed('اکسلی');
    const byName = Object.fromEntries(stored.map((c: { firstName: string }) => [c.firstName, c]));
    assert.equal(byName['پریسا'].birthDate, '1996-09-21');
    assert.equal(byName['کاوه'].birthDate, '1990-01-02');
    assert.equal(byName['کاوه'].phones[0].number, '+989121234001');
  });

  test('the preview lists the sheets; another is read by name or place, one not there is a 400 on sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('راهنما').addRow(['این برگه فقط توضیح است']);
    workbook.addWorksheet('مشتریان').addRows([
      ['نام', 'نام خانوادگی'],
      ['نگار', 'برگه‌دوم'],
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const form = { file, fileName: 'book.xlsx' };
    // The first sheet maps to nothing: still previewed, for the user to pick another or map by hand.
    const first = ok(await upload('/api/v1/imports/preview', form));
    assert.deepEqual(
      [first.sheet, first.sheets, first.columns, first.mapping],
      ['راهنما', ['راهنما', 'مشتریان'], ['این برگه فقط توضیح است'], {}],
    );
    // Started as it is, nothing would be imported: refused, and nothing is queued.
    expectProblem(await upload('/api/v1/imports', form), 400, { field: 'mapping', code: 'nothing_mapped' });
    for (const sheet of ['مشتریان', '2']) {
      const second = ok(await upload('/api/v1/imports/preview', { ...form, sheet }));
      assert.equal(second.sheet, 'مشتریان');
      assert.deepEqual(second.mapping, { نام: 'firstName', 'نام خانوادگی': 'lastName' });
      assert.equal(second.rows[0].values.lastName, 'برگه‌دوم');
    }
    const missing = expectProblem(await upload('/api/v1/imports/preview', { ...form, sheet: 'ناموجود' }, 'en'), 400, {
      field: 'sheet',
      code: 'sheet_not_found',
    });
    assert.equal(missing!.message, 'The workbook has no such sheet.');
    // A mapping given by the user must map something.
    expectProblem(
      await upload('/api/v1/imports/preview', { ...form, sheet: '2', mapping: { نام: null, 'نام خانوادگی': null } }),
      400,
      { field: 'mapping', code: 'nothing_mapped' },
    );
    const state = await runImport({ ...form, sheet: '2' });
    assert.equal(state.imported, 1, JSON.stringify(state));
  });

  test('a workbook opening on an empty tab is read from its first sheet with rows; a tab named «1» is that tab, not the first', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    workbook.addWorksheet('2').addRows([['نام خانوادگی'], ['برگه‌ای‌به‌نام‌دو']]);
    workbook.addWorksheet('1').addRows([['نام خانوادگی'], ['برگه‌ای‌به‌نام‌یک']]);
    const form = { file: Buffer.from(await workbook.xlsx.writeBuffer()), fileName: 'tabs.xlsx' };
    const first = ok(await upload('/api/v1/imports/preview', form));
    assert.deepEqual([first.sheet, first.rows[0].values.lastName], ['2', 'برگه‌ای‌به‌نام‌دو']);
    const named = ok(await upload('/api/v1/imports/preview', { ...form, sheet: '1' }));
    assert.deepEqual([named.sheet, named.rows[0].values.lastName], ['1', 'برگه‌ای‌به‌نام‌یک']);
    expectProblem(await upload('/api/v1/imports/preview', { ...form, sheet: 'Sheet1' }), 400, {
      field: 'file',
      code: 'empty_file',
    });
  });
});

describe('interrupted import', () => {
  test('duplicates across and within batches: each e-mail ends up in one contact, skipped or updated in file order', async () => {
    // Small batches, several at once on PostgreSQL: a repeat may come while its first row is uncommitted.
    const quiet = await startTestServer({ jobPollIntervalMs: 0 });
    try {
      const quietApi = new ApiClient(quiet.url, quiet.adminToken);
      ok(
        await quietApi.post('/api/v1/contacts', { lastName: 'Stored', emails: [{ kind: 'work', address: 'a@x.ir' }] }),
        201,
      );
      const importFile = async (onDuplicate: string, rows: string[]) => {
        const csv = ['Last Name,Email,Job title', ...rows].join('\n');
        const id = await queueImportOn(quiet, csv, { matchOn: 'email', onDuplicate });
        assert.equal(await runGuarded(quiet, 3), 'returned');
        return ok(await quietApi.get(`/api/v1/imports/${id}`));
      };
      const byEmail = async () => {
        const { data } = ok(await quietApi.post('/api/v1/contacts/query', { limit: 100 }));
        const seen = new Map<string, { lastName: string; title?: string }[]>();
        for (const c of data) for (const e of c.emails ?? []) seen.set(e.address, [...(seen.get(e.address) ?? []), c]);
        return seen;
      };

      const skipped = await importFile('skip', [
        'One,a@x.ir,', // the stored contact
        'Two,b@x.ir,',
        'Three,c@x.ir,',
        'Four,b@x.ir,', // row 2's, in the batch before
        'Five,d@x.ir,',
        'Six,c@x.ir,',
        'Seven,e@x.ir,',
        'Eight,e@x.ir,', // row 7's, in the same batch
        'Nine,f@x.ir,',
      ]);
      assert.deepEqual([skipped.imported, skipped.skipped, skipped.failed], [5, 4, 0]);
      let contacts = await byEmail();
      assert.deepEqual([...contacts].map(([email, list]) => [email, list.map((c) => c.lastName)]).sort(), [
        ['a@x.ir', ['Stored']],
        ['b@x.ir', ['Two']],
        ['c@x.ir', ['Three']],
        ['d@x.ir', ['Five']],
        ['e@x.ir', ['Seven']],
        ['f@x.ir', ['Nine']],
      ]);

      const updated = await importFile('update', [
        'G1,g@x.ir,first',
        'A,a@x.ir,stored updated',
        'H1,h@x.ir,first',
        'G2,g@x.ir,second', // row 1's, a batch before
        'H2,h@x.ir,second',
        'G3,g@x.ir,third',
      ]);
      assert.deepEqual([updated.imported, updated.updated, updated.failed], [2, 4, 0]);
      contacts = await byEmail();
      for (const [email, lastName, title] of [
        ['a@x.ir', 'A', 'stored updated'],
        ['g@x.ir', 'G3', 'third'],
        ['h@x.ir', 'H2', 'second'],
      ]) {
        assert.deepEqual(
          contacts.get(email!)!.map((c) => [c.lastName, c.title]),
          [[lastName, title]],
        );
      }
    } finally {
      await quiet.stop();
    }
  });

  test('undo takes back an import page by page, past its failed rows, and nothing else', async () => {
    const quiet = await startTestServer({ jobPollIntervalMs: 0 });
    try {
      const quietApi = new ApiClient(quiet.url, quiet.adminToken);
      ok(await quietApi.post('/api/v1/contacts', { firstName: 'Kept', lastName: 'Paged' }), 201);
      // Every fourth row has an e-mail that is not one: reported, not created. Pages of two then
      // end on created and failed rows alike.
      const email = (i: number) => (i % 4 === 3 ? 'not-an-email' : `r${i}@paged.test`);
      const rows = Array.from({ length: 12 }, (_, i) => `R${i},Paged,${email(i)}`);
      const id = await queueImportOn(quiet, ['First Name,Last Name,E-mail', ...rows].join('\n'));
      const worker = startImportWorker(quiet.server.ctx, quiet.server.app.log);
      await worker.runNow({ batchSize: 5 });
      const imported = ok(await quietApi.get(`/api/v1/imports/${id}`));
      assert.deepEqual([imported.status, imported.imported, imported.failed], ['completed', 9, 3]);
      ok(await quietApi.post(`/api/v1/imports/${id}/undo`), 202);
      await worker.runNow({ batchSize: 2 });
      await worker.stop();
      const state = ok(await quietApi.get(`/api/v1/imports/${id}`));
      assert.deepEqual([state.status, state.undone], ['undone', 9]);
      const left = ok(
        await quietApi.post('/api/v1/contacts/query', { filter: { field: 'lastName', op: 'eq', value: 'Paged' } }),
      ).data;
      assert.deepEqual(
        left.map((c: { firstName: string }) => c.firstName),
        ['Kept'],
      );
    } finally {
      await quiet.stop();
    }
  });

  test('resumes from its last committed batch after its server died: no row lost, none twice', async () => {
    // A server that does not poll: the test decides when batches run.
    const quiet = await startTestServer({ jobPollIntervalMs: 0 });
    try {
      const quietApi = new ApiClient(quiet.url, quiet.adminToken);
      const lines = ['First Name,Last Name', ...Array.from({ length: 25 }, (_, i) => `R${i},Resumed`)];
      const id = await queueImportOn(quiet, lines.join('\n'));
      const ctx = quiet.server.ctx;
      const worker = startImportWorker(ctx, quiet.server.app.log);
      await worker.runNow({ batchSize: 10, maxBatches: 1 });
      let state = ok(await quietApi.get(`/api/v1/imports/${id}`));
      assert.deepEqual([state.status, state.imported], ['running', 10]);
      // The server holding it is gone: nothing renews the lease, which lapses.
      await sql`update imports set lease_until = now() - interval '1 second' where id = ${id}`.execute(ctx.database.db);
      await worker.runNow({ batchSize: 10 });
      await worker.stop();
      state = ok(await quietApi.get(`/api/v1/imports/${id}`));
      assert.deepEqual([state.status, state.imported, state.failed, state.totalRows], ['completed', 25, 0, 25]);
      const stored = ok(
        await quietApi.post('/api/v1/contacts/query', {
          filter: { field: 'lastName', op: 'eq', value: 'Resumed' },
          limit: 100,
        }),
      ).data;
      assert.equal(stored.length, 25);
      assert.equal(new Set(stored.map((c: { firstName: string }) => c.firstName)).size, 25);
    } finally {
      await quiet.stop();
    }
  });
  test('two batches updating the same stored contacts never wait for each other forever', async () => {
    // The second batch updates, first thing, a contact the first updates last.
    const quiet = await startTestServer({ jobPollIntervalMs: 0 });
    try {
      const quietApi = new ApiClient(quiet.url, quiet.adminToken);
      const emails = Array.from({ length: 40 }, (_, i) => `locked${i}@x.ir`);
      for (const address of emails)
        ok(await quietApi.post('/api/v1/contacts', { lastName: 'Before', emails: [{ kind: 'work', address }] }), 201);
      const rows = [...emails.slice(0, 19), emails[39], emails[39], ...emails.slice(20, 39)];
      const csv = ['Last Name,Email', ...rows.map((e) => `After,${e}`)].join('\n');
      const id = await queueImportOn(quiet, csv, { matchOn: 'email', onDuplicate: 'update' });
      assert.equal(await runGuarded(quiet, 20), 'returned');
      const state = ok(await quietApi.get(`/api/v1/imports/${id}`));
      assert.deepEqual([state.status, state.updated + state.skipped, state.failed], ['completed', 40, 0]);
    } finally {
      await quiet.stop();
    }
  });

  test('a row the database itself refuses is reported, the rest of its batch and the batches after it are imported', async () => {
    const quiet = await startTestServer({ jobPollIntervalMs: 0 });
    const db = quiet.server.ctx.database.db;
    try {
      const quietApi = new ApiClient(quiet.url, quiet.adminToken);
      // Something no check foresees: the database itself refuses one row, in the second batch of four.
      await sql`create function refuse_boom() returns trigger language plpgsql as $$
                begin
                  if new.data ->> 'lastName' = 'Boom' then raise exception 'refused by the database'; end if;
                  return new;
                end $$`.execute(db);
      await sql`create trigger refuse_boom before insert on records for each row execute function refuse_boom()`.execute(
        db,
      );
      const lastNames = Array.from({ length: 12 }, (_, i) => (i === 4 ? 'Boom' : `Refused ${i}`));
      const id = await queueImportOn(quiet, ['Last Name', ...lastNames].join('\n'));
      const run = await runGuarded(quiet, 3);
      assert.equal(run, 'returned', 'no batch waits, holding a connection, for one that needs another');
      const state = ok(await quietApi.get(`/api/v1/imports/${id}`));
      assert.deepEqual([state.status, state.imported, state.failed], ['completed', 11, 1]);
      const stored = ok(await quietApi.post('/api/v1/contacts/query', { limit: 100 })).data;
      const imported = stored.map((c: { lastName: string }) => c.lastName).filter((n: string) => lastNames.includes(n));
      assert.deepEqual(imported.sort(), lastNames.filter((n) => n !== 'Boom').sort(), 'every other row, once');
      const report = await fetch(`${quiet.url}/api/v1/imports/${id}/errors`, {
        headers: { authorization: `Bearer ${quiet.adminToken}` },
      });
      const [header, ...rows] = parse(await report.text(), { bom: true }) as string[][];
      assert.deepEqual(
        rows.map((row) => row.slice(0, 2)),
        [['Boom', '6']],
        `the refused row, by its number, in ${header!.join(',')}`,
      );
    } finally {
      await quiet.stop();
    }
  });
});

describe('stopping an import', () => {
  let quiet: TestServer;
  let quietApi: ApiClient;
  before(async () => {
    quiet = await startTestServer({ jobPollIntervalMs: 0 });
    quietApi = new ApiClient(quiet.url, quiet.adminToken);
  });
  after(() => quiet.stop());
  const named = async (lastName: string) =>
    ok(await quietApi.post('/api/v1/contacts/query', { filter: { field: 'lastName', op: 'eq', value: lastName } })).data
      .length;

  test('a cancelled import stops at its next batch; what it stored before stays until it is undone', async () => {
    const ctx = quiet.server.ctx;
    const db = ctx.database.db;
    const lines = ['First Name,Last Name', ...Array.from({ length: 30 }, (_, i) => `R${i},Cancelled`)];
    const id = await queueImportOn(quiet, lines.join('\n'));
    const worker = startImportWorker(ctx, quiet.server.app.log);
    await worker.runNow({ batchSize: 10, maxBatches: 1 });
    // The server running it still holds the job, about to write its next batch.
    const held = await withImportTables(db)
      .selectFrom('imports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const cancelled = ok(await quietApi.post(`/api/v1/imports/${id}/cancel`));
    assert.deepEqual([cancelled.status, cancelled.imported], ['cancelled', 10]);
    await assert.rejects(runImportJob(ctx, held, { batchSize: 10, inFlight: 1 }, quiet.server.app.log), LeaseLost);
    assert.equal(await named('Cancelled'), 10);
    // No server takes it up again, and it cannot be cancelled twice.
    await worker.runNow({ batchSize: 10 });
    assert.equal(ok(await quietApi.get(`/api/v1/imports/${id}`)).status, 'cancelled');
    const again = expectProblem(
      await quietApi.post(`/api/v1/imports/${id}/cancel`, undefined, { language: 'fa' }),
      409,
      {
        field: 'status',
        code: 'import_not_cancellable',
      },
    );
    assert.match(again!.message, /لغو/);
    ok(await quietApi.post(`/api/v1/imports/${id}/undo`), 202);
    await worker.runNow({ batchSize: 10 });
    await worker.stop();
    assert.deepEqual((({ status, undone }) => [status, undone])(ok(await quietApi.get(`/api/v1/imports/${id}`))), [
      'undone',
      10,
    ]);
    assert.equal(await named('Cancelled'), 0);
    expectProblem(await quietApi.post(`/api/v1/imports/${id}/cancel`), 409, { code: 'import_not_cancellable' });
  });

  test('attempts that fail for a reason not about a row pause the import; the third in a row fails it, with the error', async () => {
    const ctx = quiet.server.ctx;
    const db = ctx.database.db;
    const state = (id: string) =>
      withImportTables(db)
        .selectFrom('imports')
        .select(['status', 'failures', 'error', sql<boolean>`lease_until > now()`.as('paused')])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const lapse = (id: string) =>
      sql`update imports set lease_until = now() - interval '1 second' where id = ${id}`.execute(db);
    const breakModule = (id: string, module: string) =>
      sql`update imports set module = ${module} where id = ${id}`.execute(db);
    // The failed attempts are logged as errors; the test reads them from the job instead.
    const worker = startImportWorker(ctx, quiet.server.app.log.child({}, { level: 'silent' }));
    try {
      // Something no row is to blame for: the module it imports into is gone (a bug, say).
      const recovers = await queueImportOn(quiet, 'First Name,Last Name\nA,Recovered\nB,Recovered');
      await breakModule(recovers, 'ghosts');
      await worker.runNow();
      assert.deepEqual(await state(recovers), { status: 'running', failures: 1, error: null, paused: true });
      // Paused: not taken up again at once.
      await worker.runNow();
      assert.equal((await state(recovers)).failures, 1);
      await lapse(recovers);
      await worker.runNow();
      assert.equal((await state(recovers)).failures, 2);
      // Whatever it was passes; the next attempt imports, and moving on clears the count.
      await breakModule(recovers, 'contacts');
      await lapse(recovers);
      await worker.runNow();
      assert.deepEqual(await state(recovers), { status: 'completed', failures: 0, error: null, paused: null });
      assert.equal(await named('Recovered'), 2);

      const fails = await queueImportOn(quiet, 'First Name,Last Name\nC,Failing');
      await breakModule(fails, 'ghosts');
      for (let attempt = 1; attempt <= 3; attempt++) {
        await lapse(fails);
        await worker.runNow();
      }
      const failed = ok(await quietApi.get(`/api/v1/imports/${fails}`));
      assert.equal(failed.status, 'failed');
      // The reader is told what happened and what is left, in their language; the log and the job keep the detail.
      assert.equal(failed.errorCode, 'import_attempt_failed');
      assert.match(failed.error, /سه بار پشت سر هم/);
      assert.doesNotMatch(failed.error, /ghosts/);
      const stored = await state(fails);
      assert.equal(stored.failures, 3);
      assert.match(stored.error ?? '', /ghosts/);

      // An undo that fails three times in a row says so, and can be asked for again.
      const undone = await queueImportOn(quiet, 'First Name,Last Name\nD,Undoing');
      await worker.runNow();
      ok(await quietApi.post(`/api/v1/imports/${undone}/undo`), 202);
      await breakModule(undone, 'ghosts');
      for (let attempt = 1; attempt <= 3; attempt++) {
        await lapse(undone);
        await worker.runNow();
      }
      const stuck = ok(await quietApi.get(`/api/v1/imports/${undone}`, { language: 'en' }));
      assert.deepEqual([stuck.status, stuck.errorCode], ['failed', 'undo_attempt_failed']);
      assert.match(stuck.error, /Undo again/);
      await breakModule(undone, 'contacts');
      ok(await quietApi.post(`/api/v1/imports/${undone}/undo`), 202);
      await worker.runNow();
      const again = ok(await quietApi.get(`/api/v1/imports/${undone}`));
      assert.deepEqual([again.status, again.errorCode, again.error], ['undone', null, null]);
      assert.equal(await named('Undoing'), 0);
    } finally {
      await worker.stop();
    }
  });
});

describe('upload size', () => {
  test('a file over PEYVAND_IMPORT_MAX_BYTES is a 413 naming the file', async () => {
    const small = await startTestServer({ importMaxBytes: 1000 });
    try {
      const form = new FormData();
      form.set('module', 'contacts');
      form.set('file', new Blob(['First Name\n' + 'x\n'.repeat(1000)]), 'big.csv');
      const response = await fetch(`${small.url}/api/v1/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${small.adminToken}`, 'accept-language': 'en' },
        body: form,
      });
      const body = (await response.json()) as { status: number; errors: { field: string; code: string }[] };
      assert.equal(response.status, 413, JSON.stringify(body));
      assert.deepEqual(
        body.errors.map((e) => [e.field, e.code]),
        [['file', 'file_too_large']],
      );
    } finally {
      await small.stop();
    }
  });
});
