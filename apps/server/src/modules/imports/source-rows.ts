import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { validationProblem } from '../../core/http/problem.js';
import { csvRecords } from './csv-records.js';
import type { ImportFormat } from './imports.tables.js';
import { type SourceEncoding, decodeSourceText, detectDelimiter } from './source-text.js';
import { openVcard } from './vcard-source.js';

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

type ExcelValue = ExcelJS.CellValue;

/** A cell as text: dates as ISO (time only when it has one), rich text joined, formulas by their result. */
export function excelCellText(value: ExcelValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return excelCellText((value as { result?: ExcelValue }).result ?? null);
  if ('text' in value) return excelCellText((value as { text: ExcelValue }).text);
  if ('error' in value) return '';
  return '';
}

function rowCells(row: ExcelJS.Row): string[] {
  const values = row.values as ExcelValue[];
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(excelCellText(values[i] ?? null));
  return cells;
}

async function openXlsx(bytes: Buffer, sheet: string | null): Promise<OpenedSource> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  const sheets = reader[Symbol.asyncIterator]();
  let position = 0;
  let chosen: (AsyncIterable<ExcelJS.Row> & { name?: string }) | undefined;
  try {
    for (;;) {
      const next = await sheets.next();
      if (next.done) break;
      position++;
      const worksheet = next.value as AsyncIterable<ExcelJS.Row> & { name?: string };
      if (sheet === null || sheet === String(position) || sheet === worksheet.name) {
        chosen = worksheet;
        break;
      }
      // A sheet is read to its end before the reader moves to the next one.
      for await (const _row of worksheet) void _row;
    }
  } catch {
    throw unreadable();
  }
  if (!chosen) throw validationProblem([{ field: 'sheet', code: 'sheet_not_found' }]);
  const rowsOfSheet = chosen[Symbol.asyncIterator]();
  let headerRow: ExcelJS.Row | undefined;
  for (;;) {
    const next = await rowsOfSheet.next();
    if (next.done) break;
    if (!isBlank(rowCells(next.value))) {
      headerRow = next.value;
      break;
    }
  }
  if (!headerRow) throw validationProblem([{ field: 'file', code: 'empty_file' }]);
  const header = rowCells(headerRow).map((h) => h.trim());
  async function* rows(): AsyncGenerator<SourceRow> {
    for (;;) {
      const next = await rowsOfSheet.next();
      if (next.done) return;
      yield { number: next.value.number, cells: rowCells(next.value) };
    }
  }
  return { header, rows: rows(), sheet: chosen.name ?? String(position) };
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
