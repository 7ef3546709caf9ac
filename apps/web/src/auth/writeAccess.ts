import type { ApiRecord, ModuleMeta } from '../core/metadata/types';
import { isAdmin, useCurrentUser } from './session';

type WriteRules = Pick<ModuleMeta, 'adminOnlyWrites' | 'changedByAuthorOnly'>;

/** Whether the user may create and change the module's records: some modules are written by admins only. */
export const canWriteModule = (user: ApiRecord, module: WriteRules) => !module.adminOnlyWrites || isAdmin(user);

/** The same for the logged-in user; only for components rendered behind the session gate. */
export function useCanWrite(module: WriteRules): boolean {
  return canWriteModule(useCurrentUser(), module);
}

/**
 * Whether the user may change or delete this record: the module lets them write, and where
 * records speak for their author (notes), it is theirs or they are an admin.
 */
export const canChangeRecord = (user: ApiRecord, module: WriteRules, record: Pick<ApiRecord, 'createdBy'>) =>
  canWriteModule(user, module) && (!module.changedByAuthorOnly || isAdmin(user) || record.createdBy === user.id);

/** The same for the logged-in user. */
export function useCanChangeRecord(module: WriteRules, record: Pick<ApiRecord, 'createdBy'>): boolean {
  return canChangeRecord(useCurrentUser(), module, record);
}
