import type { ApiRecord, ModuleMeta } from '../core/metadata/types';
import { isAdmin, useCurrentUser } from './session';

/** Whether the user may create and change the module's records: some modules are written by admins only. */
export const canWriteModule = (user: ApiRecord, module: ModuleMeta) => !module.adminOnlyWrites || isAdmin(user);

/** The same for the logged-in user; only for components rendered behind the session gate. */
export function useCanWrite(module: ModuleMeta): boolean {
  return canWriteModule(useCurrentUser(), module);
}
