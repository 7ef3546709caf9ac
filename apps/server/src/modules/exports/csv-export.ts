import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { CellValue } from './cell-value.js';
import { neutralizeFormula } from './formula-guard.js';

/** UTF-8 with a byte-order mark: without it Excel reads the file as the system code page and Persian breaks. */
const BOM = '\uFEFF';

/** A CSV file streamed page by page: header first, then each page of rows as it is read. */
export function csvStream(header: string[], pages: AsyncIterable<CellValue[][]>): Readable {
  async function* lines() {
    yield BOM + stringify([header.map(neutralizeFormula)], { record_delimiter: 'windows' });
    for await (const rows of pages) {
      if (rows.length > 0) yield stringify(rows, { record_delimiter: 'windows' });
    }
  }
  return Readable.from(lines());
}
