import { type SqlBool, type Transaction, sql } from 'kysely';
import type { DB } from '../db/database.js';
import type { Database } from '../db/schema.js';

type Executor = DB | Transaction<Database>;

export interface StoredFieldDefinition {
  module: string;
  name: string;
  isCustom: boolean;
  definition: Record<string, unknown>;
}

export async function loadFieldDefinitions(db: Executor, workspaceId: string): Promise<StoredFieldDefinition[]> {
  const rows = await db
    .selectFrom('field_definitions')
    .select(['module', 'name', 'is_custom', 'definition'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ module: r.module, name: r.name, isCustom: r.is_custom, definition: r.definition }));
}

export async function saveFieldDefinition(
  trx: Executor,
  workspaceId: string,
  def: StoredFieldDefinition,
): Promise<void> {
  const now = new Date();
  await trx
    .insertInto('field_definitions')
    .values({
      workspace_id: workspaceId,
      module: def.module,
      name: def.name,
      is_custom: def.isCustom,
      definition: JSON.stringify(def.definition),
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'module', 'name'])
        .doUpdateSet({ definition: JSON.stringify(def.definition), updated_at: now }),
    )
    .execute();
}

export async function deleteFieldDefinition(
  trx: Executor,
  workspaceId: string,
  module: string,
  name: string,
): Promise<void> {
  await trx
    .deleteFrom('field_definitions')
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', module)
    .where('name', '=', name)
    .execute();
}

/** A batch of records that still hold a value for the custom field `name`. */
export async function recordsWithCustomValue(
  trx: Executor,
  workspaceId: string,
  module: string,
  name: string,
  limit: number,
) {
  return trx
    .selectFrom('records')
    .select(['id', 'data', 'custom'])
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', module)
    .where(sql<SqlBool>`custom ? ${name}`)
    .limit(limit)
    .execute();
}

export async function setCustomAndSearchText(
  trx: Executor,
  workspaceId: string,
  id: string,
  custom: Record<string, unknown>,
  searchText: string,
): Promise<void> {
  await trx
    .updateTable('records')
    .set({ custom: JSON.stringify(custom), search_text: searchText })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Every app server compares this number with its cache on each request (read with the session). */
export async function bumpMetadataVersion(trx: Executor, workspaceId: string): Promise<void> {
  await trx
    .updateTable('workspaces')
    .set({ metadata_version: sql`metadata_version + 1` })
    .where('id', '=', workspaceId)
    .execute();
}

export async function metadataVersion(db: Executor, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('workspaces')
    .select('metadata_version')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.metadata_version);
}

/**
 * Which of `values` some record of the module holds in the picklist `name` (stored in `data`
 * or, for custom fields, in `custom`), records in the recycle bin included: they can come back.
 */
export async function optionValuesInUse(
  db: Executor,
  workspaceId: string,
  module: string,
  field: { name: string; custom: boolean; multiple: boolean },
  values: string[],
): Promise<string[]> {
  if (values.length === 0) return [];
  const column = sql.ref(field.custom ? 'records.custom' : 'records.data');
  const stored = field.multiple ? sql`jsonb_build_array(candidate.value)` : sql`to_jsonb(candidate.value)`;
  const rows = await sql<{ value: string }>`
    select candidate.value from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) as candidate(value)
    where exists (
      select 1 from records
      where records.workspace_id = ${workspaceId} and records.module = ${module}
        and ${column} @> jsonb_build_object(${field.name}::text, ${stored})
    )`.execute(db);
  return rows.rows.map((r) => r.value);
}
