import { validationProblem } from '../../core/http/problem.js';
import { csvRecords } from './csv-records.js';
import type { ImportFormat } from './imports.tables.js';
import { type SourceEncoding, decodeSourceText, detectDelimiter } from './source-text.js';
import { openVcard } from './vcard-source.js';
import { sheetRows } from './xlsx/xlsx-sheet-rows.js';
import { type XlsxSheetRef, type XlsxWorkbook, openWorkbook } from './xlsx/xlsx-workbook.js';

/** One data row of the source: its number as a spreadsheet shows it (the header is row 1) and its cells. */
export interface SourceRow {
  number: number;
  cells: string[];
}

export interface OpenedSource {
  header: string[];
  rows: AsyncGenerator<SourceRow>;
  encoding?: SourceEncoding;
  delimiter?: string;
  sheet?: string;
  /** xlsx: every sheet's name, in tab order, to choose another from. */
  sheets?: string[];
}

const unreadable = () => validationProblem([{ field: 'file', code: 'file_unreadable' }]);

/** The format by content first (an xlsx is a zip, a vCard says so), then by the file's name. */
export function detectFormat(bytes: Buffer, fileName: string): ImportFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  const start = bytes
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^BEGIN:VCARD/i.test(start) || /\.vcf$/i.test(fileName)) return 'vcf';
  return 'csv';
}

export const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

async function openCsv(bytes: Buffer): Promise<OpenedSource> {
  const { text, encoding } = decodeSourceText(bytes);
  const delimiter = detectDelimiter(text);
  const records = csvRecords(text, delimiter);
  let first: IteratorResult<string[]>;
  do first = records.next();
  while (!first.done && isBlank(first.value));
  if (first.done) throw validationProblem([{ field: 'file', code: 'empty_file' }]);
  const header = first.value.map((h) => h.trim());
  let number = 1;
  async function* rows(): AsyncGenerator<SourceRow> {
    for (const cells of records) {
      number++;
      yield { number, cells };
    }
  }
  return { header, rows: rows(), encoding, delimiter };
}

/** The sheet asked for: by its name first, then by its place among the tabs (1 is the first). */
function askedSheet(sheets: XlsxSheetRef[], sheet: string): XlsxSheetRef | undefined {
  return sheets.find((s) => s.name === sheet) ?? sheets.find((_, i) => String(i + 1) === sheet);
}

/** A sheet's header (its first row that is not blank) and the rows after it; null for a blank sheet. */
async function sheetSource(workbook: XlsxWorkbook, sheet: XlsxSheetRef): Promise<OpenedSource | null> {
  const rowsOfSheet = sheetRows(workbook, sheet);
  const read = async () => {
    try {
      return await rowsOfSheet.next();
    } catch {
      throw unreadable();
    }
  };
  let header: string[] | undefined;
  for (let next = await read(); !next.done; next = await read())
    if (!isBlank(next.value.cells)) {
      header = next.value.cells.map((h) => h.trim());
      break;
    }
  if (!header) return null;
  async function* rows(): AsyncGenerator<SourceRow> {
    for (let next = await read(); !next.done; next = await read()) yield next.value;
  }
  return { header, rows: rows(), sheet: sheet.name, sheets: workbook.sheets.map((s) => s.name) };
}

/** The sheet asked for, or else the first that is not blank (a workbook may open on an empty tab). */
async function openXlsx(bytes: Buffer, sheet: string | null): Promise<OpenedSource> {
  let workbook: XlsxWorkbook;
  try {
    workbook = await openWorkbook(bytes);
  } catch {
    throw unreadable();
  }
  const candidates = sheet === null ? workbook.sheets : [askedSheet(workbook.sheets, sheet)];
  if (sheet !== null && candidates[0] === undefined)
    throw validationProblem([{ field: 'sheet', code: 'sheet_not_found' }]);
  for (const candidate of candidates) {
    const source = await sheetSource(workbook, candidate!);
    if (source) return source;
  }
  throw validationProblem([{ field: 'file', code: 'empty_file' }]);
}

/** The header and a stream of data rows of an uploaded file. */
export async function openSource(
  bytes: Buffer,
  format: ImportFormat,
  options: { sheet: string | null },
): Promise<OpenedSource> {
  if (format === 'xlsx') return openXlsx(bytes, options.sheet);
  if (format === 'csv') return openCsv(bytes);
  return openVcard(bytes);
}
