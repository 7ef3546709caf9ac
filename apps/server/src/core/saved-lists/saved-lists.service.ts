import type { FilterNode, SavedList } from '@peyvand/shared';
import { newId } from '../db/ids.js';
import type { Principal } from '../auth/principal.js';
import type { DB } from '../db/database.js';
import { ProblemError, forbidden, notFound } from '../http/problem.js';
import type { ModuleSet } from '../metadata/effective-module.js';
import { moduleOrNotFound } from '../metadata/metadata.service.js';
import { type ListDefinition, checkListDefinition } from './saved-list-definition.js';
import * as repo from './saved-lists.repository.js';

type Caller = Pick<Principal, 'workspaceId' | 'userId' | 'role'>;

export interface NewSavedList extends ListDefinition {
  module: string;
  name: string;
  shared?: boolean | undefined;
}

export interface SavedListChanges extends ListDefinition {
  version: number;
  name?: string | undefined;
  shared?: boolean | undefined;
}

function toSavedList(row: repo.SavedListRow): SavedList {
  return {
    id: row.id,
    module: row.module,
    name: row.name,
    filter: (row.filter as FilterNode | null) ?? null,
    columns: row.columns,
    sort: row.sort,
    shared: row.shared,
    ownerId: row.owner_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const listNotFound = () => notFound({ fa: 'فهرست پیدا نشد.', en: 'List not found.' });

/** Persian names in Persian alphabetical order (گ after ک, which code points do not give), the same on every database. */
const byName = new Intl.Collator('fa', { sensitivity: 'base', numeric: true });

/** Two lists of one owner and module may not share a name, whatever its case (a unique index backs it). */
function nameTaken(error: unknown): never {
  if ((error as { code?: string }).code === '23505') {
    throw new ProblemError('conflict', undefined, [{ field: 'name', code: 'name_taken' }]);
  }
  throw error;
}

export async function listSavedLists(db: DB, caller: Caller, module: string | undefined): Promise<SavedList[]> {
  const rows = await repo.visibleLists(db, caller.workspaceId, caller.userId, module);
  return rows.sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id)).map(toSavedList);
}

/** A private list of someone else is not found rather than forbidden: its existence is theirs too. */
async function visibleList(db: DB, caller: Caller, id: string): Promise<repo.SavedListRow> {
  const row = await repo.findList(db, caller.workspaceId, id);
  if (!row || (row.owner_id !== caller.userId && !row.shared)) throw listNotFound();
  return row;
}

/** A shared list is changed or deleted by its owner or an administrator only. */
async function changeableList(db: DB, caller: Caller, id: string): Promise<repo.SavedListRow> {
  const row = await visibleList(db, caller, id);
  if (row.owner_id !== caller.userId && caller.role !== 'admin') {
    throw forbidden({
      fa: 'فقط سازنده این فهرست یا مدیر سیستم می‌تواند آن را تغییر دهد یا حذف کند.',
      en: 'Only the owner of this list or an administrator can change or delete it.',
    });
  }
  return row;
}

export async function getSavedList(db: DB, caller: Caller, id: string): Promise<SavedList> {
  return toSavedList(await visibleList(db, caller, id));
}

export async function createSavedList(
  db: DB,
  caller: Caller,
  modules: ModuleSet,
  input: NewSavedList,
): Promise<SavedList> {
  checkListDefinition(moduleOrNotFound(modules, input.module), input);
  const row = await repo
    .insertList(db, {
      workspace_id: caller.workspaceId,
      id: newId(),
      module: input.module,
      owner_id: caller.userId,
      name: input.name,
      filter: input.filter ?? null,
      columns: input.columns ?? null,
      sort: input.sort ?? null,
      shared: input.shared ?? false,
    })
    .catch(nameTaken);
  return toSavedList(row);
}

function versionConflict(current: number) {
  return new ProblemError(
    'conflict',
    {
      fa: `این فهرست در این فاصله تغییر کرده است (نسخه کنونی ${current}).`,
      en: `The list was changed meanwhile (current version ${current}).`,
    },
    [{ field: 'version', code: 'version_conflict', params: { current } }],
  );
}

/** With the version the caller last saw: a stale one gets 409 and nothing changes. Null clears a part. */
export async function changeSavedList(
  db: DB,
  caller: Caller,
  modules: ModuleSet,
  id: string,
  changes: SavedListChanges,
): Promise<SavedList> {
  const current = await changeableList(db, caller, id);
  if (changes.version !== current.version) throw versionConflict(current.version);
  checkListDefinition(moduleOrNotFound(modules, current.module), changes);
  const keep = <T>(value: T | undefined, stored: T): T => (value === undefined ? stored : value);
  const updated = await repo
    .updateList(db, current, {
      name: keep(changes.name, current.name),
      filter: keep(changes.filter, current.filter),
      columns: keep(changes.columns, current.columns),
      sort: keep(changes.sort, current.sort),
      shared: keep(changes.shared, current.shared),
    })
    .catch(nameTaken);
  if (!updated) {
    const now = await repo.findList(db, caller.workspaceId, id);
    if (!now) throw listNotFound();
    throw versionConflict(now.version);
  }
  return toSavedList(updated);
}

export async function deleteSavedList(db: DB, caller: Caller, id: string): Promise<void> {
  await changeableList(db, caller, id);
  await repo.deleteList(db, caller.workspaceId, id);
}
