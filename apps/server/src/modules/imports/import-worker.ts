import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../../core/context.js';
import { type ImportRunOptions, runImport } from './import-job.js';
import { runUndo } from './import-undo.js';
import { isDatabaseUnavailable } from '../../core/db/unavailable.js';
import {
  type ClaimedImport,
  LeaseLost,
  claimImport,
  jobFailure,
  recordFailedAttempt,
  releaseLease,
} from './imports.repository.js';
import { withImportTables } from './imports.tables.js';

export interface DrainOptions extends Partial<ImportRunOptions> {
  /** The one job to run (the CLI's own), while it can be claimed, rather than every queued one. */
  only?: string;
}

export interface ImportWorker {
  /** Look for work now (a new import or undo was just requested on this server). */
  wake(): void;
  /** Runs jobs until none is left, or the one job `only` names; resolves when done (tests, the CLI). */
  runNow(options?: DrainOptions): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Embedded PGlite has one connection, shared with every request: smaller batches keep each
 * transaction, and so each request's wait, short. PostgreSQL takes bigger ones (1,000 rows
 * imported 10 % faster than 500 in `npm run bench`; 2,000 no faster again).
 */
export const batchSizeFor = (ctx: AppContext) => (ctx.database.kind === 'embedded' ? 100 : 1000);

/**
 * Batches stored at once. Three imported 10 % faster than two on PostgreSQL, four hardly faster
 * again. Each waits for the one before to commit while holding a connection, and a batch the
 * database refuses is written again row by row on another: at least one connection of the pool
 * stays free for that. PGlite runs its one connection on this very thread, so a second batch
 * would only wait.
 */
export const batchesInFlightFor = (ctx: AppContext) =>
  ctx.database.kind === 'embedded' ? 1 : Math.max(1, Math.min(3, ctx.config.databasePoolSize - 1));

/**
 * An attempt that ended in an error counts against its job (recordFailedAttempt), unless the
 * job was cancelled or taken over (LeaseLost: the batch under way was rolled back) or the
 * database is away (the job cannot even be marked; its lease lapses and it resumes).
 */
async function noteFailedAttempt(ctx: AppContext, log: FastifyBaseLogger, job: ClaimedImport, error: unknown) {
  if (error instanceof LeaseLost) return;
  log.error({ err: error, import: job.id }, 'import attempt failed');
  if (isDatabaseUnavailable(error)) return;
  // Whatever the error, even a refusal (a field made required since), the reader is told the job
  // stopped, with what is left to do; the log has the error itself.
  const failure = jobFailure(job.status === 'undoing' ? 'undo_attempt_failed' : 'import_attempt_failed', error);
  const lease = { id: job.id, leaseToken: job.lease_token! };
  if (await recordFailedAttempt(withImportTables(ctx.database.db), lease, failure))
    log.error({ import: job.id }, 'import failed: its last attempts all failed');
}

const workers = new WeakMap<AppContext['database'], ImportWorker>();

/** The worker of this server, for routes that queue work. */
export const importWorkerOf = (ctx: AppContext) => workers.get(ctx.database);

/**
 * Every app server polls for imports on PEYVAND_JOB_POLL_SECONDS (0 leaves it out); the
 * database hands each job to one of them and hands it on when that one stops renewing its lease.
 */
export function startImportWorker(ctx: AppContext, log: FastifyBaseLogger): ImportWorker {
  let latest: Promise<void> = Promise.resolve();
  let busy = false;
  let stopped = false;

  const drain = async ({ only, ...options }: DrainOptions = {}) => {
    const run: ImportRunOptions = {
      batchSize: batchSizeFor(ctx),
      inFlight: batchesInFlightFor(ctx),
      isStopping: () => stopped,
      ...options,
    };
    busy = true;
    try {
      while (!stopped) {
        const job = await claimImport(withImportTables(ctx.database.db), only);
        if (!job) return;
        try {
          if (job.status === 'undoing') await runUndo(ctx, job, run.batchSize, log);
          else await runImport(ctx, job, run, log);
          // Stopping midway: another server (or this one, restarted) takes over at once, not after the lease.
          if (stopped) await releaseLease(withImportTables(ctx.database.db), job.id, job.lease_token!);
        } catch (error) {
          await noteFailedAttempt(ctx, log, job, error);
        }
        if (run.maxBatches !== undefined) return;
      }
    } catch (error) {
      log.error({ err: error }, 'import poll failed');
    } finally {
      busy = false;
    }
  };
  const runNow = (options?: DrainOptions) => (latest = latest.then(() => drain(options)));

  let timer: NodeJS.Timeout | undefined;
  const enabled = ctx.config.jobPollIntervalMs > 0;
  if (enabled) {
    timer = setInterval(() => {
      if (!busy) void runNow();
    }, ctx.config.jobPollIntervalMs);
    timer.unref();
    void runNow();
  }
  const worker: ImportWorker = {
    wake: () => {
      if (enabled && !stopped) void runNow();
    },
    runNow,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await latest;
    },
  };
  workers.set(ctx.database, worker);
  return worker;
}
