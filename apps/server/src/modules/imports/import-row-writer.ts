import { isEmptyValue } from '@peyvand/shared';
import type { Transaction } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import type { RecordRow } from '../../core/records/record-serializer.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import { writeRecord } from '../../core/records/record-write.js';
import { assertCanWrite } from '../../core/records/permissions.js';
import { findDuplicate } from './duplicate-match.js';
import type { FieldChange, ImportOptions, RowOutcome } from './imports.tables.js';

type Values = Record<string, unknown>;

export interface WrittenRow {
  outcome: Exclude<RowOutcome, 'failed'>;
  recordId: string;
  /** Updated rows: what changed, for undo. */
  changes?: FieldChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Merge fills only what the stored record lacks. */
function onlyEmpty(input: Values, stored: RecordRow): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'custom') {
      const custom = Object.fromEntries(
        Object.entries(value as Values).filter(([name]) => isEmptyValue(stored.custom[name])),
      );
      if (Object.keys(custom).length > 0) out.custom = custom;
    } else if (key === 'ownerId' || key === 'ownerGroupId') {
      continue;
    } else if (isEmptyValue(stored.data[key])) {
      out[key] = value;
    }
  }
  return out;
}

/** Every stored value the write changed, with its value before, so undo can put it back. */
function changesBetween(before: RecordRow, after: RecordRow): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of new Set([...Object.keys(before.data), ...Object.keys(after.data)])) {
    if (!same(before.data[key], after.data[key]))
      changes.push({ field: key, from: before.data[key] ?? null, to: after.data[key] ?? null });
  }
  for (const key of new Set([...Object.keys(before.custom), ...Object.keys(after.custom)])) {
    if (!same(before.custom[key], after.custom[key]))
      changes.push({ field: `custom.${key}`, from: before.custom[key] ?? null, to: after.custom[key] ?? null });
  }
  if (before.owner_id !== after.owner_id) changes.push({ field: 'ownerId', from: before.owner_id, to: after.owner_id });
  if (before.owner_group_id !== after.owner_group_id)
    changes.push({ field: 'ownerGroupId', from: before.owner_group_id, to: after.owner_group_id });
  return changes;
}

/**
 * One converted row through the normal write path (hooks, lead round-robin, history), after
 * looking for the record it duplicates: created, or skipped, updated or merged into that one.
 * An update that changes nothing counts as skipped.
 */
export async function writeImportRow(
  scope: RecordScope,
  trx: Transaction<Database>,
  input: Values,
  options: ImportOptions,
): Promise<WrittenRow> {
  assertCanWrite(scope.actor, scope.module);
  const existing = options.matchOn
    ? await findDuplicate(trx, scope.actor.workspaceId, scope.module, options.matchOn, input)
    : undefined;
  if (!existing) {
    const row = await writeRecord(scope, trx, input);
    return { outcome: 'created', recordId: row.id };
  }
  return writeOverDuplicate(scope, trx, input, options, existing);
}

/** A row onto the (locked) record it duplicates: skipped, updated or merged. */
export async function writeOverDuplicate(
  scope: RecordScope,
  trx: Transaction<Database>,
  input: Values,
  options: ImportOptions,
  existing: RecordRow,
): Promise<WrittenRow> {
  if (options.onDuplicate === 'skip') return { outcome: 'skipped', recordId: existing.id };
  const write = options.onDuplicate === 'merge' ? onlyEmpty(input, existing) : input;
  const row = await writeRecord(scope, trx, write, existing);
  const changes = changesBetween(existing, row);
  if (changes.length === 0) return { outcome: 'skipped', recordId: existing.id };
  return { outcome: 'updated', recordId: row.id, changes };
}
