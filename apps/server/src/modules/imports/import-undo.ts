import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../core/context.js';
import type { Database } from '../../core/db/schema.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import { writeRecord } from '../../core/records/record-write.js';
import * as records from '../../core/records/records.repository.js';
import { changeDeletedIn } from '../../core/records/records.service.js';
import { jobScope } from './import-scope.js';
import { type ClaimedImport, finishImport, markUndone, rowsToUndo } from './imports.repository.js';
import { type FieldChange, withImportTables } from './imports.tables.js';

type UndoRow = Awaited<ReturnType<typeof rowsToUndo>>[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function storedValue(
  row: {
    data: Record<string, unknown>;
    custom: Record<string, unknown>;
    owner_id: string | null;
    owner_group_id: string | null;
  },
  field: string,
) {
  if (field === 'ownerId') return row.owner_id;
  if (field === 'ownerGroupId') return row.owner_group_id;
  if (field.startsWith('custom.')) return row.custom[field.slice('custom.'.length)];
  return row.data[field];
}

/**
 * The values an update changed, put back, but only where the record still holds what the
 * import wrote: a change someone made after the import is theirs and stays.
 */
function revertInput(changes: FieldChange[], current: Parameters<typeof storedValue>[0]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const change of changes) {
    if (!same(storedValue(current, change.field), change.to)) continue;
    if (change.field.startsWith('custom.')) {
      ((input.custom ??= {}) as Record<string, unknown>)[change.field.slice('custom.'.length)] = change.from;
    } else input[change.field] = change.from;
  }
  return input;
}

async function undoRow(scope: RecordScope, trx: Transaction<Database>, row: UndoRow): Promise<void> {
  const { workspaceId } = scope.actor;
  const current = await records.findRecord(trx, workspaceId, scope.module.def.name, row.record_id!, {
    forUpdate: true,
  });
  // Already in the recycle bin or purged: nothing of the import's is left to take back.
  if (!current) return;
  if (row.outcome === 'created') {
    await changeDeletedIn(scope, trx, current.id, true);
    return;
  }
  const input = revertInput(row.changes ?? [], current);
  if (Object.keys(input).length > 0) await writeRecord(scope, trx, input, current);
}

/**
 * Takes back what an import did, batch by batch: records it created go to the recycle bin
 * (restorable, like any delete), records it updated get their previous values back. A row
 * whose undo is refused (a required field emptied since) is logged and left as it is.
 */
export async function runUndo(ctx: AppContext, job: ClaimedImport, batchSize: number, log: FastifyBaseLogger) {
  const lease = { id: job.id, leaseToken: job.lease_token! };
  const db = withImportTables(ctx.database.db);
  const scope = await jobScope(ctx, job);
  // Every row read is marked undone, reverted or not, so the next page starts after the last.
  for (let afterRow = 0; ; ) {
    const rows = await rowsToUndo(db, job.id, afterRow, batchSize);
    if (rows.length === 0) break;
    afterRow = rows.at(-1)!.row_number;
    try {
      await ctx.database.db.transaction().execute(async (trx) => {
        for (const row of rows) await undoRow(scope, trx, row);
        await markUndone(
          withImportTables(trx),
          lease,
          rows.map((r) => r.row_number),
        );
      });
    } catch {
      for (const row of rows) {
        try {
          await ctx.database.db.transaction().execute(async (trx) => {
            await undoRow(scope, trx, row);
            await markUndone(withImportTables(trx), lease, [row.row_number]);
          });
        } catch (error) {
          log.warn({ err: error, import: job.id, row: row.row_number }, 'an imported row could not be undone');
          await markUndone(db, lease, [row.row_number]);
        }
      }
    }
  }
  await finishImport(db, lease, 'undone');
}
