import { stringify } from 'csv-stringify/sync';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../src/core/context.js';
import { contactInput } from '../src/demo/persian-data.js';
import { Random } from '../src/demo/random.js';
import { prepareImport, queueImport } from '../src/modules/imports/import-request.js';
import { startImportWorker } from '../src/modules/imports/import-worker.js';
import { findImport } from '../src/modules/imports/imports.repository.js';
import { withImportTables } from '../src/modules/imports/imports.tables.js';
import type { Workspace } from './set-up.js';

export interface ImportResult {
  rows: number;
  imported: number;
  failed: number;
  seconds: number;
  rowsPerSecond: number;
  /** Resident memory when the import started and its highest point while it ran. */
  rssStartMb: number;
  rssPeakMb: number;
  /** Each quarter of the rows: how fast it went and the resident memory when it was done. */
  quarters: { rowsPerSecond: number; rssMb: number }[];
}

/** What the bench saw while the import ran: seconds since the start, rows done, resident memory. */
interface Sample {
  seconds: number;
  rowsDone: number;
  rssMb: number;
}

const SAMPLE_EVERY_MS = 100;

/** Headers as a Persian spreadsheet names them; the import maps them by label. */
const HEADER = ['نام', 'نام خانوادگی', 'سمت', 'سازمان', 'کد ملی', 'تاریخ تولد', 'موبایل', 'ایمیل'];
/** One row in a hundred carries a mistake and must come out in the error report. */
const INVALID_EVERY = 100;

type Phone = { kind: string; number: string };

/**
 * A CSV as an old system exports it: Persian headers, Jalali birthdays and phones as people type
 * them, organizations by name.
 */
function contactsCsv(rows: number, organizationNames: string[]): Buffer {
  const rng = new Random('peyvand-import-bench');
  const lines: string[][] = [HEADER];
  for (let i = 0; i < rows; i++) {
    const { input } = contactInput(rng);
    const mobile = (input.phones as Phone[] | undefined)?.find((p) => p.kind === 'mobile')?.number ?? '';
    const email = (input.emails as { address: string }[] | undefined)?.[0]?.address ?? '';
    lines.push([
      String(input.firstName),
      String(input.lastName),
      String(input.title ?? ''),
      rng.chance(0.65) ? rng.pick(organizationNames) : '',
      String(input.nationalCode ?? ''),
      String(input.birthDate ?? ''),
      i % INVALID_EVERY === INVALID_EVERY - 1 ? '12345' : mobile,
      email,
    ]);
  }
  return Buffer.from(stringify(lines), 'utf8');
}

const rssMb = () => process.memoryUsage().rss / 1_048_576;

/**
 * The import's pace and memory by quarter of its rows, from samples taken while it ran (the last
 * one at its end): a sustained rate keeps the four rates together, and streaming keeps the memory
 * of the last quarters where the first left it.
 */
export function byQuarter(samples: Sample[], rows: number): ImportResult['quarters'] {
  const quarters: ImportResult['quarters'] = [];
  let from: Sample = samples[0]!;
  for (let q = 1; q <= 4; q++) {
    const to = samples.find((s) => s.rowsDone >= (rows * q) / 4) ?? samples.at(-1)!;
    const seconds = to.seconds - from.seconds;
    quarters.push({ rowsPerSecond: seconds > 0 ? (to.rowsDone - from.rowsDone) / seconds : 0, rssMb: to.rssMb });
    from = to;
  }
  return quarters;
}

/**
 * `rows` contacts imported from a CSV through the import job, as `POST /api/v1/imports` queues
 * it and a worker runs it: row conversion, organization look-ups, batches, the error report.
 */
export async function importBenchmark(
  ctx: AppContext,
  workspace: Workspace,
  organizationNames: string[],
  rows: number,
): Promise<ImportResult> {
  const file = contactsCsv(rows, organizationNames);
  const modules = await ctx.registry.currentModules(workspace.actor.workspaceId);
  const upload = { file, fileName: 'contacts.csv', fields: { module: 'contacts' } };
  const prepared = await prepareImport(ctx, workspace.actor, modules, upload);
  const id = await queueImport(ctx, workspace.actor, {
    upload,
    module: 'contacts',
    format: prepared.format,
    options: prepared.options,
    header: prepared.source.header,
  });
  const silent = { error: () => undefined, warn: () => undefined } as unknown as FastifyBaseLogger;
  const worker = startImportWorker({ ...ctx, config: { ...ctx.config, jobPollIntervalMs: 0 } }, silent);
  const imports = withImportTables(ctx.database.db);
  const stateNow = async () => (await findImport(imports, workspace.actor.workspaceId, id))!;
  const rssStartMb = rssMb();
  const started = performance.now();
  const samples: Sample[] = [{ seconds: 0, rowsDone: 0, rssMb: rssStartMb }];
  const sample = async () => {
    const { imported, failed } = await stateNow();
    samples.push({ seconds: (performance.now() - started) / 1000, rowsDone: imported + failed, rssMb: rssMb() });
  };
  let sampling = Promise.resolve();
  const sampler = setInterval(() => (sampling = sampling.then(sample)), SAMPLE_EVERY_MS);
  try {
    await worker.runNow();
  } finally {
    clearInterval(sampler);
    await worker.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  await sampling;
  const state = await stateNow();
  samples.push({ seconds, rowsDone: state.imported + state.failed, rssMb: rssMb() });
  if (state.status !== 'completed') throw new Error(`import ended ${state.status}: ${state.error ?? ''}`);
  const result = {
    rows,
    imported: Number(state.imported),
    failed: Number(state.failed),
    seconds,
    rowsPerSecond: rows / seconds,
    rssStartMb,
    rssPeakMb: Math.max(...samples.map((s) => s.rssMb)),
    quarters: byQuarter(samples, rows),
  };
  if (result.imported + result.failed !== rows)
    throw new Error(`rows in ${rows} ≠ imported ${result.imported} + reported ${result.failed}`);
  return result;
}
