import type { FilterNode } from '@peyvand/shared';
import type { RecordScope } from '../../core/records/record-scope.js';
import { type CellContext, type CellValue, type ExportCalendar, cellValue } from './cell-value.js';
import type { ExportColumn } from './export-columns.js';
import { recordPages } from './export-pages.js';
import { neutralizeFormula } from './formula-guard.js';
import { recordTitles, referencedIds, valueAt } from './reference-titles.js';

export interface ExportQuery {
  filter?: FilterNode | undefined;
  sort?: string | undefined;
  q?: string | undefined;
}

/**
 * The list view's rows, page by page through the same keyset paging as the list itself, as
 * cells ready to write: formatted for people, formula-looking text neutralised.
 */
export async function* exportRows(
  scope: RecordScope,
  query: ExportQuery,
  columns: ExportColumn[],
  format: Omit<CellContext, 'titles'> & { calendar: ExportCalendar },
): AsyncGenerator<CellValue[][]> {
  for await (const records of recordPages(scope, query)) {
    const titles = await recordTitles(
      scope.db,
      scope.actor.workspaceId,
      scope.modules,
      referencedIds(columns, records),
    );
    const ctx: CellContext = { ...format, titles };
    yield records.map((record) =>
      columns.map((column) => {
        const value = cellValue(column.field, valueAt(record, column.path), ctx);
        return typeof value === 'string' ? neutralizeFormula(value) : value;
      }),
    );
  }
}
