import { sql } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { ModuleSet } from '../../core/metadata/effective-module.js';
import { recordTitle } from '../../core/records/record-serializer.js';
import type { ExportColumn } from './export-columns.js';

/** The ids a page's reference columns point to. */
export function referencedIds(columns: ExportColumn[], records: Record<string, unknown>[]): string[] {
  const refs = columns.filter((c) => c.field.type === 'reference' || c.field.type === 'referenceList');
  const ids = new Set<string>();
  for (const record of records) {
    for (const column of refs) {
      const value = valueAt(record, column.path);
      for (const id of Array.isArray(value) ? value : [value]) if (typeof id === 'string') ids.add(id);
    }
  }
  return [...ids];
}

/** Display titles (a contact's name, an organization's name) of records by id, one query per page. */
export async function recordTitles(
  db: DB,
  workspaceId: string,
  modules: ModuleSet,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('records')
    .select(['id', 'module', 'data', 'number'])
    .where('workspace_id', '=', workspaceId)
    .where(sql.ref('id'), '=', sql`any(${ids}::uuid[])`)
    .execute();
  const titles = new Map<string, string>();
  for (const row of rows) {
    const module = modules.get(row.module);
    titles.set(row.id, (module && recordTitle(module, row.data)) || row.number);
  }
  return titles;
}

export function valueAt(record: Record<string, unknown>, path: string): unknown {
  if (path.startsWith('custom.')) return (record.custom as Record<string, unknown>)[path.slice('custom.'.length)];
  return record[path];
}
