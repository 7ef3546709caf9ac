import type { FieldDef } from '@peyvand/shared';
import { normalizeForSearch } from '@peyvand/shared';
import { type Transaction, sql } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';
import type { EffectiveModule } from '../../core/metadata/effective-module.js';
import { type RecordRow, recordTitle } from '../../core/records/record-serializer.js';
import { searchCondition } from '../../core/records/records.service.js';
import type { MatchOn } from './imports.tables.js';

type Values = Record<string, unknown>;

const FIELD_TYPES_BY_KEY: Record<Exclude<MatchOn, 'name'>, string[]> = {
  email: ['emailList', 'email'],
  mobile: ['phoneList', 'phone'],
  nationalCode: ['nationalCode', 'legalNationalId'],
};

/** The field a match key compares: a lead's `mobile` before its `phone`, a contact's `phones`. */
export function matchField(module: EffectiveModule, matchOn: MatchOn): FieldDef | undefined {
  if (matchOn === 'name') return undefined;
  const fields = [...module.fields.values()];
  if (matchOn === 'mobile') {
    const mobile = module.fields.get('mobile');
    if (mobile?.type === 'phone') return mobile;
  }
  for (const type of FIELD_TYPES_BY_KEY[matchOn]) {
    const field = fields.find((f) => f.type === type);
    if (field) return field;
  }
  return undefined;
}

/**
 * JSON fragments a stored record containing any of them is a duplicate by. A row matched on
 * `mobile` offers its mobile numbers only (or its one number); a stored record is found by any
 * of its numbers (`anyPhone`).
 */
export function fragments(field: FieldDef, value: unknown, matchOn: MatchOn, anyPhone = false): Values[] {
  if (value === undefined || value === null || value === '') return [];
  switch (field.type) {
    case 'emailList':
      return (value as { address: string }[]).map((e) => ({ [field.name]: [{ address: e.address }] }));
    case 'phoneList':
      return (value as { kind: string; number: string }[])
        .filter((p) => anyPhone || matchOn !== 'mobile' || p.kind === 'mobile' || (value as unknown[]).length === 1)
        .map((p) => ({ [field.name]: [{ number: p.number }] }));
    case 'phone':
      return [{ [field.name]: { number: (value as { number: string }).number } }];
    default:
      return [{ [field.name]: value }];
  }
}

/**
 * The live record the row duplicates by the chosen key (the oldest when several do), locked
 * for the rest of the batch's transaction; undefined when the row has no value for the key.
 */
export async function findDuplicate(
  trx: Transaction<Database>,
  workspaceId: string,
  module: EffectiveModule,
  matchOn: MatchOn,
  input: Values,
): Promise<RecordRow | undefined> {
  const base = trx
    .selectFrom('records')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', module.def.name)
    .where('deleted_at', 'is', null);
  if (matchOn === 'name') {
    const title = normalizeForSearch(recordTitle(module, input));
    const search = title ? searchCondition(title) : undefined;
    if (!search) return undefined;
    const rows = await base.where(search).orderBy('created_at').orderBy('id').limit(50).execute();
    const row = rows.find((r) => normalizeForSearch(recordTitle(module, r.data)) === title);
    return row && lock(trx, row);
  }
  const field = matchField(module, matchOn);
  const wanted = field ? fragments(field, input[field.name], matchOn) : [];
  if (wanted.length === 0) return undefined;
  const row = await base
    .where((eb) => eb.or(wanted.map((f) => sql<boolean>`data @> ${JSON.stringify(f)}::jsonb`)))
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  return row;
}

async function lock(trx: Transaction<Database>, row: RecordRow): Promise<RecordRow | undefined> {
  return trx
    .selectFrom('records')
    .selectAll()
    .where('workspace_id', '=', row.workspace_id)
    .where('id', '=', row.id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The keys a row is a duplicate by (`name` aside: it needs a search): one per value it would be
 * matched on, equal to the keys of the stored records it would match (`duplicateKeys` of their
 * data with `stored`).
 */
export function duplicateKeys(
  module: EffectiveModule,
  matchOn: Exclude<MatchOn, 'name'>,
  values: Values,
  stored = false,
): string[] {
  const field = matchField(module, matchOn);
  return field ? fragments(field, values[field.name], matchOn, stored).map((f) => JSON.stringify(f)) : [];
}

/**
 * The live records any of `rows` duplicates, in one query: each key mapped to the oldest record
 * holding it. Nothing is locked: the caller locks a record before writing over it.
 */
export async function findDuplicatesOf(
  db: DB,
  workspaceId: string,
  module: EffectiveModule,
  matchOn: Exclude<MatchOn, 'name'>,
  rows: Values[],
): Promise<Map<string, string>> {
  const keys = [...new Set(rows.flatMap((row) => duplicateKeys(module, matchOn, row)))];
  const found = new Map<string, string>();
  if (keys.length === 0) return found;
  const records = await db
    .selectFrom('records')
    .select(['id', 'data'])
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', module.def.name)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or(keys.map((key) => sql<boolean>`data @> ${key}::jsonb`)))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const record of records) {
    for (const key of duplicateKeys(module, matchOn, record.data, true)) if (!found.has(key)) found.set(key, record.id);
  }
  return found;
}
