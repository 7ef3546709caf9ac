import type { ProblemError } from '../../core/http/problem.js';
import { assertCanWrite } from '../../core/records/permissions.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import { type PlannedCreate, isPlainModule, planRecords } from '../../core/records/record-write.js';
import { duplicateKeys, findDuplicatesOf } from './duplicate-match.js';
import type { RowResult } from './imports.repository.js';
import type { ImportOptions, MatchOn, RowReason } from './imports.tables.js';
import type { RowConverter } from './row-conversion.js';
import type { SourceRow } from './source-rows.js';

/** A source row converted, on its way to the database. */
export interface Converted {
  row: SourceRow;
  /** Source rows read once this one is written: the resume point after it. */
  after: number;
  input: Record<string, unknown>;
  reasons: RowReason[];
}

export const failedOf = (c: Converted, reasons: RowReason[]): RowResult => ({
  number: c.row.number,
  outcome: 'failed',
  cells: c.row.cells,
  reasons,
});

/** A row the normal write path refused (a required field, a reference gone): its reasons, by column. */
export function refusal(error: ProblemError, converter: RowConverter): RowReason[] {
  const issues = error.issues.length > 0 ? error.issues : [{ field: 'record', code: 'invalid' }];
  return issues.map((i) => ({
    column: converter.columnOf(i.field),
    field: i.field,
    code: i.code,
    ...(i.params ? { params: i.params } : {}),
  }));
}

/**
 * A batch checked ahead of writing: its new records, the rows to write over the stored records
 * they duplicate (update or merge, in the batch's transaction), and every other row's result.
 */
export interface BatchPlan {
  /** By position in the batch; undefined for the rows in `overwrites`. */
  results: (RowResult | undefined)[];
  records: PlannedCreate;
  overwrites: { position: number; input: Record<string, unknown>; duplicateId: string }[];
}

/** The keys (duplicateKeys) of the records an import run created, to the record, for later batches. */
export type RunKeys = Map<string, string>;

/**
 * Whether a module's import can be planned batch by batch: its records need nothing but their
 * declaration (isPlainModule) and duplicates, if looked for, are found by a key, not a search.
 */
export const plansInBatches = (scope: RecordScope, options: ImportOptions) =>
  isPlainModule(scope.module) && options.matchOn !== 'name';

type KeyMatch = Exclude<MatchOn, 'name'>;

/**
 * Plans a batch while the one before is being stored: rows refused by the checks are reported
 * without holding the others up, duplicates of stored records are found with one query, and a
 * row repeating a key of a record this run already created is its duplicate too. Undefined when
 * the batch must be written row by row instead: a row to update a record this run created but
 * has maybe not yet committed.
 */
export async function planBatch(
  scope: RecordScope,
  converter: RowConverter,
  batch: Converted[],
  options: ImportOptions,
  runKeys: RunKeys,
): Promise<BatchPlan | undefined> {
  assertCanWrite(scope.actor, scope.module);
  const matchOn = options.matchOn as KeyMatch | null;
  const keysOf = (input: Record<string, unknown>) => (matchOn ? duplicateKeys(scope.module, matchOn, input) : []);
  const valid = batch.filter((c) => c.reasons.length === 0);
  const stored = matchOn
    ? await findDuplicatesOf(
        scope.db,
        scope.actor.workspaceId,
        scope.module,
        matchOn,
        valid.map((c) => c.input),
      )
    : new Map<string, string>();

  const results: BatchPlan['results'] = [];
  const overwrites: BatchPlan['overwrites'] = [];
  const creates: { c: Converted; position: number }[] = [];
  const createOf = new Map<string, number>();
  /** Rows skipped as duplicates of a row this batch creates: their position, and that row's in `creates`. */
  const sameAs: [number, number][] = [];
  const first = <T>(values: (T | undefined)[]) => values.find((v) => v !== undefined);
  for (const [position, c] of batch.entries()) {
    results.push(undefined);
    if (c.reasons.length > 0) {
      results[position] = failedOf(c, c.reasons);
      continue;
    }
    const keys = keysOf(c.input);
    const storedId = first(keys.map((k) => stored.get(k)));
    const createdId = first(keys.map((k) => runKeys.get(k)));
    const earlierRow = first(keys.map((k) => createOf.get(k)));
    const duplicateId = storedId ?? createdId;
    if (duplicateId && options.onDuplicate === 'skip') {
      results[position] = { number: c.row.number, outcome: 'skipped', recordId: duplicateId };
    } else if (storedId) {
      overwrites.push({ position, input: c.input, duplicateId: storedId });
    } else if (createdId) {
      return undefined;
    } else if (earlierRow !== undefined) {
      if (options.onDuplicate !== 'skip') return undefined;
      sameAs.push([position, earlierRow]);
    } else {
      for (const key of keys) createOf.set(key, creates.length);
      creates.push({ c, position });
    }
  }

  const records = await planRecords(
    scope,
    scope.db,
    creates.map(({ c }) => c.input),
  );
  const createdIds = records.outcomes.map((o) => ('id' in o ? o.id : undefined));
  for (const [i, { c, position }] of creates.entries()) {
    const outcome = records.outcomes[i]!;
    results[position] =
      'refused' in outcome
        ? failedOf(c, refusal(outcome.refused, converter))
        : { number: c.row.number, outcome: 'created', recordId: outcome.id };
  }
  for (const [position, earlierRow] of sameAs) {
    // The row it repeats was refused: this one may well be valid; row by row decides.
    const recordId = createdIds[earlierRow];
    if (!recordId) return undefined;
    results[position] = { number: batch[position]!.row.number, outcome: 'skipped', recordId };
  }
  for (const [key, i] of createOf) if (createdIds[i] && !runKeys.has(key)) runKeys.set(key, createdIds[i]);
  return { results, records, overwrites };
}
