import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from './cell-value.js';
import { neutralizeFormula } from './formula-guard.js';

/**
 * An xlsx workbook streamed as it is written (exceljs's WorkbookWriter commits each row), one
 * right-to-left sheet with the header row frozen. A failure midway ends the download early.
 */
export function xlsxStream(
  sheetName: string,
  header: string[],
  pages: AsyncIterable<CellValue[][]>,
  rightToLeft: boolean,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ rightToLeft, state: 'frozen', ySplit: 1 }],
  });
  void (async () => {
    const headerRow = sheet.addRow(header.map(neutralizeFormula));
    headerRow.font = { bold: true };
    headerRow.commit();
    for await (const rows of pages) {
      for (const cells of rows) sheet.addRow(cells).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
