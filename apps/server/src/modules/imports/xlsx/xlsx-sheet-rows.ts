import { xmlChunks } from './xlsx-package.js';
import type { XlsxSheetRef, XlsxWorkbook } from './xlsx-workbook.js';

/** A row as the sheet numbers it (1 is the first), and its cells as text, from column A. */
export interface XlsxRow {
  number: number;
  cells: string[];
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;
/** 1899-12-30 and 1904-01-01, the days Excel's serial dates count from, as Unix days. */
const EPOCH_1900 = -25569;
const EPOCH_1904 = -24107;

/** A date as text: ISO, the time only when it has one (a birthday is a day, not midnight UTC). */
export function isoDateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Excel's last column is XFD; a reference past it (or with no letters) is a broken file. */
const MAX_COLUMNS = 16_384;
/** And its last row. */
const MAX_ROWS = 1_048_576;

/** Column letters to a 0-based index: A → 0, Z → 25, AA → 26; a reference beyond XFD throws. */
export function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
    if (index > MAX_COLUMNS) break;
  }
  if (index < 1 || index > MAX_COLUMNS) throw new Error(`xlsx cell reference ${reference} is out of range`);
  return index - 1;
}

/** A row's number: a whole number after the one before, within Excel's rows. */
function rowNumber(attribute: string | undefined, last: number): number {
  const number = attribute === undefined ? last + 1 : Number(attribute);
  if (!Number.isInteger(number) || number <= last || number > MAX_ROWS)
    throw new Error(`xlsx row number ${attribute} is out of order or range`);
  return number;
}

interface CellRead {
  type: string;
  style: number;
  value: string;
  inline: string;
}

function cellText(cell: CellRead, workbook: XlsxWorkbook): string {
  switch (cell.type) {
    case 's':
      return workbook.sharedStrings[Number(cell.value)] ?? '';
    case 'inlineStr':
      return cell.inline;
    case 'str':
      return cell.value;
    case 'b':
      return cell.value === '1' || cell.value === 'true' ? 'true' : 'false';
    case 'e':
      return '';
    case 'd':
      return cell.value === '' ? '' : isoDateText(new Date(cell.value));
    default: {
      if (cell.value.trim() === '') return '';
      const number = Number(cell.value);
      if (Number.isNaN(number)) return cell.value;
      if (!workbook.dateStyles.has(cell.style)) return String(number);
      const epoch = workbook.date1904 ? EPOCH_1904 : EPOCH_1900;
      // Rounded to the millisecond: the serial's binary fraction is never exact.
      return isoDateText(new Date(Math.round((number + epoch) * MS_PER_DAY)));
    }
  }
}

/**
 * A sheet's rows in order, streamed: the XML is parsed a chunk at a time and the rows each chunk
 * completed are handed on. A cell left out of the file is an empty string; rows left out (empty
 * in Excel) are not yielded at all, and the numbers say where the gaps were.
 */
export async function* sheetRows(workbook: XlsxWorkbook, sheet: XlsxSheetRef): AsyncGenerator<XlsxRow> {
  const done: XlsxRow[] = [];
  let row: XlsxRow | null = null;
  let lastNumber = 0;
  let cell: (CellRead & { column: number }) | null = null;
  let reading: 'value' | 'inline' | null = null;
  let inPhonetic = false;
  const stream = await workbook.pkg.open(sheet.path);
  const chunks = xmlChunks(stream, {
    open: (name, a) => {
      if (name === 'row') {
        lastNumber = rowNumber(a.r, lastNumber);
        row = { number: lastNumber, cells: [] };
      } else if (name === 'c' && row) {
        const column = a.r ? columnIndex(a.r) : row.cells.length;
        if (column >= MAX_COLUMNS) throw new Error('xlsx row has too many cells');
        cell = { column, type: a.t ?? 'n', style: Number(a.s ?? 0), value: '', inline: '' };
      } else if (cell) {
        if (name === 'v') reading = 'value';
        else if (name === 'rPh') inPhonetic = true;
        else if (name === 't' && !inPhonetic) reading = 'inline';
      }
    },
    text: (text) => {
      if (!cell || !reading) return;
      if (reading === 'value') cell.value += text;
      else cell.inline += text;
    },
    close: (name) => {
      if (name === 'v' || name === 't') reading = null;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'c' && row && cell) {
        while (row.cells.length < cell.column) row.cells.push('');
        row.cells[cell.column] = cellText(cell, workbook);
        cell = null;
      } else if (name === 'row' && row) {
        done.push(row);
        row = null;
      }
    },
  });
  for await (const _chunk of chunks) {
    yield* done;
    done.length = 0;
  }
}
