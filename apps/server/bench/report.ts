import type { HttpResult } from './http-bench.js';
import type { ImportResult } from './import-bench.js';
import type { Stats } from './measure.js';
import type { DatabaseKind } from './options.js';

export interface OperationResult {
  name: string;
  targetP95Ms?: number;
  api: Stats;
  sql: Stats;
}

export interface DatabaseResult {
  kind: DatabaseKind;
  label: string;
  load: { contacts: number; organizations: number; seconds: number };
  operations: OperationResult[];
  http?: HttpResult;
  import?: ImportResult;
  /** PGlite only: bytes of its data directory, and of the write-ahead log within it. */
  dataDir?: {
    afterLoad: { total: number; wal: number };
    afterMaintenance: { total: number; wal: number };
    maintenanceSeconds: number;
  };
}

export interface BenchReport {
  date: string;
  machine: string;
  node: string;
  contacts: number;
  iterations: number;
  databases: DatabaseResult[];
}

/** The API may cost at most twice the bare query (issue target). */
const MAX_API_RATIO = 2;
/** Over HTTP, the whole server should keep at least half the bare route's throughput. */
const MIN_HTTP_RATIO = 0.5;
/** A CSV into contacts on PostgreSQL, sustained (issue target). */
const MIN_IMPORT_ROWS_PER_SECOND = 10_000;

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const mark = (ok: boolean) => (ok ? '✅' : '❌');
const thousands = (n: number) => n.toLocaleString('en-US');

/** Targets are set for PostgreSQL; PGlite's figures are shown for comparison. */
function targetCell(db: DatabaseResult, op: OperationResult): string {
  const ratio = op.api.p50 / op.sql.p50;
  const parts: string[] = [];
  if (op.targetP95Ms !== undefined) parts.push(`p95 ≤ ${op.targetP95Ms} ms`);
  parts.push(`≤ ${MAX_API_RATIO}×`);
  if (db.kind !== 'postgres') return parts.join(', ');
  const p95Ok = op.targetP95Ms === undefined || op.api.p95 <= op.targetP95Ms;
  return `${parts.join(', ')} ${mark(p95Ok && ratio <= MAX_API_RATIO)}`;
}

function operationsTable(db: DatabaseResult): string[] {
  const lines = [
    `| operation (${db.label}) | API p50 | API p95 | API mean | SQL p50 | SQL p95 | SQL mean | API ÷ SQL (p50) | target |`,
    '|---|--:|--:|--:|--:|--:|--:|--:|---|',
  ];
  for (const op of db.operations) {
    const ratio = op.api.p50 / op.sql.p50;
    lines.push(
      `| ${op.name} | ${ms(op.api.p50)} | ${ms(op.api.p95)} | ${ms(op.api.mean)} | ${ms(op.sql.p50)} | ${ms(op.sql.p95)} | ${ms(op.sql.mean)} | ${ratio.toFixed(2)}× | ${targetCell(db, op)} |`,
    );
  }
  return lines;
}

export function markdown(report: BenchReport): string {
  const out: string[] = [
    `${thousands(report.contacts)} contacts · ${report.machine} · Node ${report.node} · ${report.date}. ` +
      `Times in milliseconds over ${report.iterations} sequential iterations after a warm-up. ` +
      '**API** is the service function the route calls (schema parsing, Kysely, serialisation; no HTTP); ' +
      '**SQL** is the very query it sends, run straight through the driver. Targets are for PostgreSQL.',
    '',
  ];
  for (const db of report.databases) {
    out.push(...operationsTable(db), '');
  }
  const http = report.databases.filter((db) => db.http);
  if (http.length > 0) {
    const first = http[0]!.http!;
    out.push(
      `GET /api/v1/contacts/{id} over HTTP, ${first.connections} connections, ${first.seconds} s each (autocannon in a separate process): ` +
        'the whole server (Bearer token, permissions, serialisation) against a bare Fastify route running the same SELECT on the same pool. ' +
        'The last column is that bare route also sending the token lookup query: what authentication would cost if the server did not keep resolved credentials in memory (it does, emptied by a database notification whenever a session, token, user or field changes).',
      '',
      '| database | server req/s | bare route req/s | server ÷ bare | server p50 / p99 | bare p50 / p99 | bare route + token lookup req/s |',
      '|---|--:|--:|--:|--:|--:|--:|',
    );
    for (const db of http) {
      const h = db.http!;
      out.push(
        `| ${db.label} | ${thousands(Math.round(h.full.requestsPerSecond))} | ${thousands(Math.round(h.bare.requestsPerSecond))} | ` +
          `${(h.ratio * 100).toFixed(0)} % ${mark(h.ratio >= MIN_HTTP_RATIO)} | ${h.full.latencyP50Ms} / ${h.full.latencyP99Ms} ms | ` +
          `${h.bare.latencyP50Ms} / ${h.bare.latencyP99Ms} ms | ${thousands(Math.round(h.bareWithAuth.requestsPerSecond))} |`,
      );
    }
    out.push('');
  }
  const imports = report.databases.filter((db) => db.import);
  if (imports.length > 0) {
    out.push(
      'CSV import into contacts, through the import job as `POST /api/v1/imports` queues it: Persian headers mapped by label, ' +
        'Jalali birthdays, organizations looked up by name, one row in a hundred with an invalid mobile. ' +
        'Every row is imported or in the error report; RSS is the whole benchmark process, at the start and as each quarter of the rows is done. ' +
        'Target ≥ 10,000 rows/s on PostgreSQL.',
      '',
      '| database | rows | imported | reported | seconds | rows/s | rows/s by quarter | RSS at start → by quarter (peak) |',
      '|---|--:|--:|--:|--:|--:|--:|--:|',
    );
    for (const db of imports) {
      const i = db.import!;
      const target = db.kind === 'postgres' ? ` ${mark(i.rowsPerSecond >= MIN_IMPORT_ROWS_PER_SECOND)}` : '';
      const rates = i.quarters.map((q) => thousands(Math.round(q.rowsPerSecond))).join(' / ');
      const memory = [i.rssStartMb, ...i.quarters.map((q) => q.rssMb)].map((mb) => mb.toFixed(0)).join(' → ');
      out.push(
        `| ${db.label} | ${thousands(i.rows)} | ${thousands(i.imported)} | ${thousands(i.failed)} | ${i.seconds.toFixed(1)} | ` +
          `${thousands(Math.round(i.rowsPerSecond))}${target} | ${rates} | ${memory} MB (${i.rssPeakMb.toFixed(0)}) |`,
      );
    }
    out.push('');
  }
  const loads = report.databases.map(
    (db) =>
      `${db.label}: ${thousands(db.load.contacts)} contacts and ${thousands(db.load.organizations)} organizations ` +
      `generated and inserted in ${db.load.seconds.toFixed(1)} s`,
  );
  out.push(`Loading: ${loads.join('; ')}.`, '');
  for (const db of report.databases) {
    if (!db.dataDir) continue;
    const { afterLoad, afterMaintenance, maintenanceSeconds } = db.dataDir;
    out.push(
      `${db.label} data directory: ${mb(afterLoad.total)} after loading (write-ahead log ${mb(afterLoad.wal)}), ` +
        `${mb(afterMaintenance.total)} after CHECKPOINT + VACUUM ANALYZE (write-ahead log ${mb(afterMaintenance.wal)}; ` +
        `${maintenanceSeconds.toFixed(1)} s).`,
      '',
    );
  }
  return out.join('\n');
}
