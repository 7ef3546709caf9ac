import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../../core/auth/principal.js';
import type { AppContext } from '../../core/context.js';
import { prepareImport, queueImport } from './import-request.js';
import { importStatus } from './import-status.js';
import { startImportWorker } from './import-worker.js';
import { findImport } from './imports.repository.js';
import { withImportTables } from './imports.tables.js';

export interface ImportCommandOptions {
  module: string;
  file: string;
  onDuplicate?: string;
  matchOn?: string;
  mapping?: string;
  sheet?: string;
}

function bar(state: ReturnType<typeof importStatus>): string {
  const width = 30;
  const filled = Math.round(state.progress * width);
  const total = state.totalRows ?? '?';
  return `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.round(state.progress * 100)}% ${state.rowsDone}/${total} rows · ${state.rowsPerSecond} rows/s · ${state.failed} failed`;
}

/** Where an import stops moving; undoing it is another command. */
const FINISHED = new Set<string>(['completed', 'failed', 'cancelled', 'undone']);

const quietLog = {
  error: (o: unknown, m?: string) => console.error(m ?? '', o),
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  trace: () => undefined,
  fatal: () => undefined,
  child: () => quietLog,
} as unknown as FastifyBaseLogger;

/**
 * `peyvand import`: the same checks and the same job as an upload through the API, run by this
 * process with a progress bar on stderr; the final counts go to stdout.
 */
export async function importFromCli(
  ctx: AppContext,
  actor: Actor,
  options: ImportCommandOptions,
): Promise<ReturnType<typeof importStatus>> {
  const file = await fs.readFile(options.file);
  const fields: Record<string, string> = { module: options.module };
  if (options.onDuplicate) fields.onDuplicate = options.onDuplicate;
  if (options.matchOn) fields.matchOn = options.matchOn;
  if (options.mapping) fields.mapping = options.mapping;
  if (options.sheet) fields.sheet = options.sheet;
  const modules = await ctx.registry.currentModules(actor.workspaceId);
  const upload = { file, fileName: path.basename(options.file), fields };
  const prepared = await prepareImport(ctx, actor, modules, upload);
  const id = await queueImport(ctx, actor, {
    upload,
    module: prepared.fields.module,
    format: prepared.format,
    options: prepared.options,
    header: prepared.source.header,
  });
  const db = withImportTables(ctx.database.db);
  const statusNow = async () => importStatus((await findImport(db, actor.workspaceId, id))!, new Date(), 'en');
  const worker = startImportWorker({ ...ctx, config: { ...ctx.config, jobPollIntervalMs: 0 } }, quietLog);
  const timer = setInterval(() => void statusNow().then((state) => process.stderr.write(bar(state))), 250);
  try {
    // This import only: imports others queued are left to the servers. It may wait for its next
    // attempt after a failed one, or be run by a server that claimed it first: then it is watched.
    for (;;) {
      await worker.runNow({ only: id });
      if (FINISHED.has((await statusNow()).status)) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    clearInterval(timer);
    await worker.stop();
  }
  const state = await statusNow();
  process.stderr.write(`${bar(state)}\n`);
  return state;
}
