import type { FastifyBaseLogger } from 'fastify';
import { type SqlBool, type Transaction, sql } from 'kysely';
import type { AppContext } from '../../core/context.js';
import type { Database } from '../../core/db/schema.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import { writeRecord } from '../../core/records/record-write.js';
import * as records from '../../core/records/records.repository.js';
import { changeDeletedIn } from '../../core/records/records.service.js';
import { ProblemError } from '../../core/http/problem.js';
import { isRowRefusal } from '../../core/db/row-refusal.js';
import { containmentFragments, fieldsPointingAt } from '../merges/related-fields.js';
import { jobScope } from './import-scope.js';
import {
  type ClaimedImport,
  createdRecordsToUndo,
  finishImport,
  markCreatedUndone,
  markUndone,
  rowsToUndo,
} from './imports.repository.js';
import { type FieldChange, type ImportsExecutor, withImportTables } from './imports.tables.js';

type UndoRow = Awaited<ReturnType<typeof rowsToUndo>>[number];
type CreatedRecord = Awaited<ReturnType<typeof createdRecordsToUndo>>[number];

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
 * A page of what an import did, taken back in one transaction with its marks; when that is
 * refused, each item in a transaction of its own. One the checks or the database refuse for
 * itself (a required field emptied since) is logged and marked all the same, so the next page
 * starts after it; anything else (a lock timeout, the lease lost) ends this attempt, and the
 * undo is taken up again from the first item not marked.
 */
async function undoPage<T>(
  ctx: AppContext,
  log: FastifyBaseLogger,
  page: T[],
  undo: (trx: Transaction<Database>, item: T) => Promise<void>,
  mark: (db: ImportsExecutor, items: T[]) => Promise<void>,
  describe: (item: T) => Record<string, unknown>,
): Promise<void> {
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      for (const item of page) await undo(trx, item);
      await mark(withImportTables(trx), page);
    });
  } catch {
    for (const item of page) {
      try {
        await ctx.database.db.transaction().execute(async (trx) => {
          await undo(trx, item);
          await mark(withImportTables(trx), [item]);
        });
      } catch (error) {
        if (!(error instanceof ProblemError) && !isRowRefusal(error)) throw error;
        log.warn({ err: error, ...describe(item) }, 'what an import did could not be undone');
        await mark(withImportTables(ctx.database.db), [item]);
      }
    }
  }
}

/**
 * Whether a live record of the workspace refers to this one, through any field the merge moves
 * (references, lists of them, a note's or an activity's links, standard or custom).
 */
async function stillReferred(scope: RecordScope, trx: Transaction<Database>, module: string, id: string) {
  const pointing = fieldsPointingAt(scope.modules, module);
  if (pointing.length === 0) return false;
  const row = await trx
    .selectFrom('records')
    .select('id')
    .where('workspace_id', '=', scope.actor.workspaceId)
    .where('deleted_at', 'is', null)
    .where('id', '<>', id)
    .where((eb) =>
      eb.or(
        pointing.flatMap((p) =>
          containmentFragments(p, module, [id]).map(
            (f) => sql<SqlBool>`${sql.ref(p.column)} @> ${JSON.stringify(f)}::jsonb`,
          ),
        ),
      ),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A record the import created because rows named it goes to the recycle bin with the rows, unless
 * it is someone's since: edited, or named by a record the undo leaves (a deal, a contact added by
 * hand or by a later import). Like an updated value someone changed after the import, it stays.
 */
async function undoCreated(scope: RecordScope, trx: Transaction<Database>, created: CreatedRecord): Promise<void> {
  const module = scope.modules.get(created.module);
  if (!module) return;
  const current = await records.findRecord(trx, scope.actor.workspaceId, module.def.name, created.record_id, {
    forUpdate: true,
  });
  if (!current || current.version > 1 || (await stillReferred(scope, trx, created.module, current.id))) return;
  await changeDeletedIn({ ...scope, module }, trx, current.id, true);
}

/**
 * Takes back what an import did, batch by batch: records it created go to the recycle bin
 * (restorable, like any delete), records it updated get their previous values back, and then
 * the records it created because rows named them (an organization) go to the recycle bin too.
 * A row whose undo is refused (a required field emptied since) is logged and left as it is.
 */
export async function runUndo(ctx: AppContext, job: ClaimedImport, batchSize: number, log: FastifyBaseLogger) {
  const lease = { id: job.id, leaseToken: job.lease_token! };
  const db = withImportTables(ctx.database.db);
  const scope = await jobScope(ctx, job);
  for (let afterRow = 0; ;) {
    const rows = await rowsToUndo(db, job.id, afterRow, batchSize);
    if (rows.length === 0) break;
    afterRow = rows.at(-1)!.row_number;
    await undoPage(
      ctx,
      log,
      rows,
      (trx, row) => undoRow(scope, trx, row),
      (marks, done) =>
        markUndone(
          marks,
          lease,
          done.map((r) => r.row_number),
        ),
      (row) => ({ import: job.id, row: row.row_number }),
    );
  }
  for (;;) {
    const created = await createdRecordsToUndo(db, job.id, batchSize);
    if (created.length === 0) break;
    await undoPage(
      ctx,
      log,
      created,
      (trx, record) => undoCreated(scope, trx, record),
      (marks, done) =>
        markCreatedUndone(
          marks,
          lease,
          done.map((r) => r.record_id),
        ),
      (record) => ({ import: job.id, record: record.record_id }),
    );
  }
  await finishImport(db, lease, 'undone');
}
