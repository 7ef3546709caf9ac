import type { Selectable, Transaction } from 'kysely';
import type { DB } from '../db/database.js';
import type { Database, SavedListsTable } from '../db/schema.js';

/** All SQL over `saved_lists`. */

type Executor = DB | Transaction<Database>;

export type SavedListRow = Selectable<SavedListsTable>;

export interface SavedListValues {
  name: string;
  filter: unknown;
  columns: string[] | null;
  sort: string | null;
  shared: boolean;
}

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** The lists `userId` may see: their own and everyone's shared ones. */
export async function visibleLists(
  db: Executor,
  workspaceId: string,
  userId: string,
  module: string | undefined,
): Promise<SavedListRow[]> {
  let query = db
    .selectFrom('saved_lists')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('owner_id', '=', userId), eb('shared', '=', true)]));
  if (module) query = query.where('module', '=', module);
  return query.execute();
}

export async function findList(db: Executor, workspaceId: string, id: string): Promise<SavedListRow | undefined> {
  return db
    .selectFrom('saved_lists')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertList(
  db: Executor,
  row: { workspace_id: string; id: string; module: string; owner_id: string } & SavedListValues,
): Promise<SavedListRow> {
  const now = new Date();
  return db
    .insertInto('saved_lists')
    .values({
      ...row,
      filter: json(row.filter),
      columns: json(row.columns),
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Applies the values only to that version of the list; undefined when another change came first. */
export async function updateList(
  db: Executor,
  current: SavedListRow,
  values: SavedListValues,
): Promise<SavedListRow | undefined> {
  return db
    .updateTable('saved_lists')
    .set({
      ...values,
      filter: json(values.filter),
      columns: json(values.columns),
      version: current.version + 1,
      updated_at: new Date(),
    })
    .where('workspace_id', '=', current.workspace_id)
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteList(db: Executor, workspaceId: string, id: string): Promise<void> {
  await db.deleteFrom('saved_lists').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
