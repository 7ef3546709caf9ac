import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../core/context.js';
import { ProblemError } from '../../core/http/problem.js';
import { isRowRefusal } from '../../core/db/row-refusal.js';
import { isDatabaseUnavailable } from '../../core/db/unavailable.js';
import { findRecord, setUpBulkWrite, mergePendingIndexEntries } from '../../core/records/records.repository.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import { storeRecords } from '../../core/records/record-write.js';
import {
  type BatchPlan,
  type Converted,
  type RunKeys,
  failedOf,
  planBatch,
  plansInBatches,
  refusal,
} from './import-batch-plan.js';
import { importPlan, lookAhead } from './import-plan.js';
import { writeImportRow, writeOverDuplicate } from './import-row-writer.js';
import {
  type ClaimedImport,
  type Lease,
  LeaseLost,
  type RowResult,
  finishImport,
  jobFailure,
  recordOutcomes,
  renewLease,
  setTotalRows,
} from './imports.repository.js';
import { type ImportOptions, withImportTables } from './imports.tables.js';
import { jobScope } from './import-scope.js';
import type { RowConverter } from './row-conversion.js';
import { NamedRecords, createMissingRecords } from './missing-references.js';
import { isBlank, openSource } from './source-rows.js';

export interface ImportRunOptions {
  /** Rows per transaction. */
  batchSize: number;
  /** Batches stored at once, each committing after the one before. */
  inFlight: number;
  /** Stop after this many batches, leaving the job to be resumed (tests of an interrupted import). */
  maxBatches?: number;
  /** The server is shutting down: stop between batches; the job resumes elsewhere. */
  isStopping?: () => boolean;
}

/** Rows read before the first pass renews the job's lease. */
const SCAN_LEASE_EVERY = 50_000;

/** Records a row names that are created in one transaction, before the rows are written. */
const CREATED_PER_TRANSACTION = 200;

/** Rows converted between two looks at the event loop (database replies, other requests). */
const YIELD_EVERY = 100;

class BatchRefused extends Error {}

/** The batch before this one failed: this one rolls back too, so batches commit in order. */
class EarlierBatchFailed extends Error {}

/**
 * The batch in one transaction: its planned new records, or each row through the write path.
 * A planned batch is stored while the batch before it is still being written, and commits only
 * after that one did: the resume point committed with a batch always covers every row before it.
 * A row the write path refuses aborts the batch (a hook may already have written in it), and it
 * is then written row by row, each in its own transaction.
 */
async function writeBatch(
  scope: RecordScope,
  lease: Lease,
  options: ImportOptions,
  converter: RowConverter,
  batch: Converted[],
  nextRow: number,
  plan: BatchPlan | undefined,
  earlier: Promise<void>,
  log: FastifyBaseLogger,
): Promise<void> {
  const db = withImportTables(scope.db);
  const afterEarlier = () =>
    earlier.catch(() => {
      throw new EarlierBatchFailed();
    });
  if (plan) {
    try {
      return await scope.db.transaction().execute(async (trx) => {
        await setUpBulkWrite(trx);
        await storeRecords(scope, trx, plan.records);
        const results = [...plan.results];
        // Stored records are locked only once the batch before has committed: two batches waiting
        // for each other, one on a row lock and the other for its turn, would wait forever.
        if (plan.overwrites.length > 0) await afterEarlier();
        for (const { position, input, duplicateId } of plan.overwrites) {
          const { workspaceId } = scope.actor;
          const stored = await findRecord(trx, workspaceId, scope.module.def.name, duplicateId, { forUpdate: true });
          // Deleted since the batch was planned: the row looks again, as a row on its own would.
          const written = stored
            ? await writeOverDuplicate(scope, trx, input, options, stored)
            : await writeImportRow(scope, trx, input, options);
          results[position] = { number: batch[position]!.row.number, ...written };
        }
        await afterEarlier();
        await recordOutcomes(withImportTables(trx), lease, results as RowResult[], nextRow);
      });
    } catch (error) {
      if (error instanceof LeaseLost || error instanceof EarlierBatchFailed || isDatabaseUnavailable(error))
        throw error;
      // A refused update, or something the checks did not foresee (a database constraint): row by row finds the row.
      if (!(error instanceof ProblemError))
        log.warn({ err: error }, 'import batch refused as a whole; writing it row by row');
    }
  }
  await afterEarlier();
  try {
    await scope.db.transaction().execute(async (trx) => {
      const results: RowResult[] = [];
      for (const c of batch) {
        if (c.reasons.length > 0) {
          results.push(failedOf(c, c.reasons));
          continue;
        }
        try {
          const written = await writeImportRow(scope, trx, c.input, options);
          results.push({ number: c.row.number, ...written });
        } catch (error) {
          // A row refused, by the checks or by the database itself: each row on its own finds which.
          if (error instanceof ProblemError || isRowRefusal(error)) throw new BatchRefused();
          throw error;
        }
      }
      await recordOutcomes(withImportTables(trx), lease, results, nextRow);
    });
    return;
  } catch (error) {
    if (!(error instanceof BatchRefused)) throw error;
  }
  for (const [i, c] of batch.entries()) {
    // The last row's resume point also covers blank rows read after it.
    const position = i === batch.length - 1 ? nextRow : c.after;
    let result: RowResult | undefined;
    if (c.reasons.length > 0) result = failedOf(c, c.reasons);
    else {
      try {
        await scope.db.transaction().execute(async (trx) => {
          const written = await writeImportRow(scope, trx, c.input, options);
          await recordOutcomes(withImportTables(trx), lease, [{ number: c.row.number, ...written }], position);
        });
        continue;
      } catch (error) {
        if (error instanceof ProblemError) result = failedOf(c, refusal(error, converter));
        else if (isRowRefusal(error)) {
          log.error({ err: error, row: c.row.number }, 'import row refused by the database');
          result = failedOf(c, [{ column: null, field: 'record', code: 'invalid' }]);
        } else throw error;
      }
    }
    await recordOutcomes(db, lease, [result], position);
  }
}

/**
 * Reads the file once before its rows are written: counts the data rows, for the progress bar,
 * and gathers the names rows give records that may have to be created first.
 */
async function scanSource(job: ClaimedImport, scope: RecordScope, keepLease: () => Promise<void>) {
  const { options } = job;
  const source = await openSource(job.file, job.file_format, { sheet: options.sheet });
  const named = new NamedRecords(importPlan(scope, source.header, options.mapping, lookAhead(scope, options)));
  let total = 0;
  for await (const row of source.rows) {
    if (isBlank(row.cells)) continue;
    total++;
    await named.add(row.cells);
    // A file of millions of rows takes longer to read than a lease lasts.
    if (total % SCAN_LEASE_EVERY === 0) await keepLease();
  }
  return { total, named };
}

/**
 * Runs a claimed import from where it stands (`next_row`) to its end, batch by batch; returns
 * early, leaving the job to be resumed, when `maxBatches` is reached.
 */
export async function runImport(
  ctx: AppContext,
  job: ClaimedImport,
  run: ImportRunOptions,
  log: FastifyBaseLogger,
): Promise<void> {
  const lease: Lease = { id: job.id, leaseToken: job.lease_token! };
  const db = withImportTables(ctx.database.db);
  const options = job.options;
  const scope = await jobScope(ctx, job);
  let source;
  let scanned: Awaited<ReturnType<typeof scanSource>> | undefined;
  try {
    if (job.total_rows === null) scanned = await scanSource(job, scope, () => renewLease(db, lease));
    source = await openSource(job.file, job.file_format, { sheet: options.sheet });
  } catch (error) {
    // The file refused (unreadable, a quote left open at row 5002): for good. Anything else (the
    // database, looking names up) is an attempt that failed, and is tried again.
    if (!(error instanceof ProblemError)) throw error;
    const [issue] = error.issues;
    await finishImport(db, lease, 'failed', jobFailure(issue?.code ?? 'file_unreadable', error, issue?.params));
    return;
  }
  // The first time through: the records rows name that do not exist are created, a piece per
  // transaction (an embedded database serves nothing else meanwhile), then the count is stored,
  // which marks this step done: a job taken up again before it creates only what is still missing.
  if (scanned) {
    for (const [target, names] of scanned.named.pieces(CREATED_PER_TRANSACTION))
      await ctx.database.db.transaction().execute(async (trx) => {
        await renewLease(withImportTables(trx), lease);
        await createMissingRecords(scope, trx, job.id, target, names);
      });
    await setTotalRows(db, lease, scanned.total);
  }
  const converter = importPlan(scope, source.header, options.mapping).converter;
  const inBatches = plansInBatches(scope, options);
  const runKeys: RunKeys = new Map();
  let consumed = 0;
  // Rows a previous server already committed are read past, not written again.
  while (consumed < job.next_row) {
    const next = await source.rows.next();
    if (next.done) break;
    consumed++;
  }
  let batches = 0;
  // The database stores up to `inFlight` batches while the next is read and checked.
  const writing: Promise<void>[] = [];
  const latest = () => writing.at(-1) ?? Promise.resolve();
  /** Every write ended; the first failure, in batch order, is thrown once none is left running. */
  const settle = async () => {
    const failed = (await Promise.allSettled(writing)).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  };
  /** A batch planned (its duplicates, numbers and references looked up) and handed to the database. */
  const handOver = async (batch: Converted[], nextRow: number, done: boolean) => {
    const plan = inBatches ? await planBatch(scope, converter, batch, options, runKeys) : undefined;
    if (writing.length >= run.inFlight) {
      await writing[0]!.catch(settle);
      writing.shift();
    }
    if (batch.length === 0 && !done) return;
    const write = writeBatch(scope, lease, options, converter, batch, nextRow, plan, latest(), log);
    // A failure surfaces at the next `await`, not as an unhandled rejection meanwhile.
    write.catch(() => undefined);
    writing.push(write);
    // A batch written row by row is committed before the next is planned, which may hold its duplicates.
    if (inBatches && !plan) await write.catch(settle);
  };
  // The batch before is handed over while this one is read: its look-ups wait on the database
  // while this thread converts rows. Batches are planned one after the other, in file order.
  let handedOver = Promise.resolve();
  try {
    for (;;) {
      if ((run.maxBatches !== undefined && batches >= run.maxBatches) || run.isStopping?.()) {
        await handedOver;
        return await settle();
      }
      const batch: Converted[] = [];
      let done = false;
      while (batch.length < run.batchSize) {
        const next = await source.rows.next();
        if (next.done) {
          done = true;
          break;
        }
        // Now and then the replies of the database are read, and the batch before moves on.
        if (++consumed % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        if (isBlank(next.value.cells)) continue;
        const converted = await converter.convert(next.value.cells);
        batch.push({ row: next.value, after: consumed, ...converted });
      }
      await handedOver;
      handedOver = handOver(batch, consumed, done);
      handedOver.catch(() => undefined);
      batches++;
      if (done) break;
    }
    await handedOver;
    await settle();
  } finally {
    // However the run ends, none of its writes is left running, each holding a connection.
    await handedOver.catch(() => undefined);
    await Promise.allSettled(writing);
  }
  if (inBatches) await mergePendingIndexEntries(ctx.database.db);
  await finishImport(db, lease, 'completed');
}
