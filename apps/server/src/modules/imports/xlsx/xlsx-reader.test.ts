import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { type XlsxRow, columnIndex, sheetRows } from './xlsx-sheet-rows.js';
import { isDateFormatCode, openWorkbook } from './xlsx-workbook.js';

async function rowsOf(bytes: Buffer, sheetIndex = 0): Promise<XlsxRow[]> {
  const workbook = await openWorkbook(bytes);
  const rows: XlsxRow[] = [];
  for await (const row of sheetRows(workbook, workbook.sheets[sheetIndex]!)) rows.push(row);
  return rows;
}

const bufferOf = async (workbook: ExcelJS.Workbook, options?: Partial<ExcelJS.XlsxWriteOptions>) =>
  Buffer.from(await workbook.xlsx.writeBuffer(options));

test('a two-sheet workbook written by exceljs reads the same every time', async () => {
  // exceljs stores the workbook part last; its own streaming reader then now and then reads a
  // sheet before the workbook that names it, and fails (about one read in a hundred here).
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('راهنما').addRow(['این برگه فقط توضیح است']);
  const customers = workbook.addWorksheet('مشتریان');
  customers.addRow(['نام', 'نام خانوادگی']);
  customers.addRow(['پریسا', 'اکسلی']);
  const bytes = await bufferOf(workbook);
  for (let i = 0; i < 300; i++) {
    const opened = await openWorkbook(bytes);
    assert.deepEqual(
      opened.sheets.map((s) => s.name),
      ['راهنما', 'مشتریان'],
    );
    assert.deepEqual(await rowsOf(bytes, 1), [
      { number: 1, cells: ['نام', 'نام خانوادگی'] },
      { number: 2, cells: ['پریسا', 'اکسلی'] },
    ]);
  }
});

test('cells as text: strings, rich text, numbers, booleans, formulas, errors, dates and gaps', async () => {
  for (const useSharedStrings of [true, false]) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['متن', 42, 3.25, true]);
    sheet.getCell('A2').value = { richText: [{ text: 'پیوند ' }, { text: 'CRM', font: { bold: true } }] };
    sheet.getCell('B2').value = { formula: 'B1*2', result: 84 };
    sheet.getCell('C2').value = { formula: 'A1&"!"', result: 'متن!' };
    sheet.getCell('D2').value = { error: '#DIV/0!' };
    sheet.getCell('A4').value = new Date(Date.UTC(1996, 8, 21));
    sheet.getCell('C4').value = new Date(Date.UTC(2026, 11, 7, 9, 30));
    const custom = sheet.getCell('D4');
    custom.value = new Date(Date.UTC(1990, 0, 2));
    custom.numFmt = '[$-fa-IR,16]yyyy/mm/dd;@';
    sheet.getCell('B5').value = 1234567;
    sheet.getCell('B5').numFmt = '#,##0 "ریال"';
    const rows = await rowsOf(await bufferOf(workbook, { useSharedStrings }));
    assert.deepEqual(rows, [
      { number: 1, cells: ['متن', '42', '3.25', 'true'] },
      { number: 2, cells: ['پیوند CRM', '84', 'متن!', ''] },
      { number: 4, cells: ['1996-09-21', '', '2026-12-07T09:30:00.000Z', '1990-01-02'] },
      { number: 5, cells: ['', '1234567'] },
    ]);
  }
});

/** A package put together by hand, as other programs write them: parts in another order, prefixed names. */
async function handWritten(parts: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [path, xml] of Object.entries(parts)) zip.file(path, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

test('a package with prefixed names, its shared strings first, inline strings, 1904 dates and no cell references', async () => {
  const bytes = await handWritten({
    'xl/sharedStrings.xml': `<x:sst xmlns:x="${MAIN}"><x:si><x:t>علی</x:t><x:rPh><x:t>ignored</x:t></x:rPh></x:si><x:si><x:r><x:t xml:space="preserve">رضا </x:t></x:r><x:r><x:t>&amp; پسران</x:t></x:r></x:si></x:sst>`,
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'x/sheets/first.xml': `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>
      <x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t><![CDATA[<تهران>]]></x:t></x:is></x:c></x:row>
      <x:row><x:c t="s"><x:v>1</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c t="d"><x:v>2026-12-07</x:v></x:c></x:row>
    </x:sheetData></x:worksheet>`,
    'x/_rels/book.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="s1" Type="${REL}/worksheet" Target="sheets/first.xml"/>
      <Relationship Id="ss" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>
      <Relationship Id="st" Type="${REL}/styles" Target="../styles.xml"/>
      <Relationship Id="web" Type="${REL}/hyperlink" Target="https://example.ir" TargetMode="External"/>
    </Relationships>`,
    'styles.xml': `<x:styleSheet xmlns:x="${MAIN}"><x:cellStyleXfs count="1"><x:xf numFmtId="14"/></x:cellStyleXfs><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>`,
    'x/book.xml': `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Sheet A" sheetId="7" rel:id="s1"/></x:sheets></x:workbook>`,
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="x/book.xml"/></Relationships>`,
  });
  const workbook = await openWorkbook(bytes);
  assert.deepEqual(workbook.sheets, [{ name: 'Sheet A', path: 'x/sheets/first.xml' }]);
  assert.deepEqual(await rowsOf(bytes), [
    { number: 1, cells: ['علی', '<تهران>'] },
    { number: 2, cells: ['رضا & پسران', '1904-01-01', '2026-12-07'] },
  ]);
});

test('a sheet of many rows streams in order, each row once', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Big');
  for (let i = 1; i <= 20_000; i++) sheet.addRow([`ردیف ${i}`, i]);
  let expected = 1;
  const opened = await openWorkbook(await bufferOf(workbook));
  for await (const row of sheetRows(opened, opened.sheets[0]!)) {
    assert.equal(row.number, expected);
    assert.deepEqual(row.cells, [`ردیف ${expected}`, String(expected)]);
    expected++;
  }
  assert.equal(expected, 20_001);
});

test("references past Excel's last column or rows out of order are refused, not followed", async () => {
  const sheetWith = (rows: string) =>
    handWritten({
      '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="s1"/><sheet name="Chart" sheetId="2" r:id="c1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="c1" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`,
    });
  const read = async (rows: string) => rowsOf(await sheetWith(rows));
  // A chartsheet has no rows: it is not offered.
  assert.deepEqual(
    (await openWorkbook(await sheetWith(''))).sheets.map((s) => s.name),
    ['S'],
  );
  assert.deepEqual(await read('<row r="2"><c r="b2" t="inlineStr"><is><t>x</t></is></c></row>'), [
    { number: 2, cells: ['', 'x'] },
  ]);
  await assert.rejects(read('<row r="1"><c r="AAAAAAAAAAAA1"><v>1</v></c></row>'), /out of range/);
  await assert.rejects(read('<row r="1"><c r="XFE1"><v>1</v></c></row>'), /out of range/);
  await assert.rejects(read('<row r="5"/><row r="3"/>'), /out of order/);
  await assert.rejects(read('<row r="2000000"/>'), /out of order or range/);
});

test('what is not an xlsx is refused when it is opened', async () => {
  await assert.rejects(openWorkbook(Buffer.from('name,mobile\nAli,0912')));
  await assert.rejects(openWorkbook(await handWritten({ '_rels/.rels': '<Relationships' })));
});

test('column letters and date formats', () => {
  assert.deepEqual(['A1', 'Z9', 'AA10', 'XFD1'].map(columnIndex), [0, 25, 26, 16383]);
  assert.equal(isDateFormatCode('yyyy/mm/dd'), true);
  assert.equal(isDateFormatCode('[$-fa-IR,16]yyyy/mm/dd;@'), true);
  assert.equal(isDateFormatCode('h:mm AM/PM'), true);
  assert.equal(isDateFormatCode('#,##0 "ریال"'), false);
  assert.equal(isDateFormatCode('[Red]0.00'), false);
  assert.equal(isDateFormatCode('General'), false);
  assert.equal(isDateFormatCode('0.00E+00'), false);
});
