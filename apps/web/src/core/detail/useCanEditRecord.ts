import { useCanChangeRecord } from '../../auth/writeAccess';
import { overridesOf } from '../../modules';
import type { ApiRecord, ModuleMeta } from '../metadata/types';

/**
 * Whether the user may edit this record: they may change it (canChangeRecord) and it is not
 * locked (a converted lead).
 */
export function useCanEditRecord(module: ModuleMeta, record: ApiRecord): boolean {
  const canChange = useCanChangeRecord(module, record);
  return canChange && !overridesOf(module.name).isRecordLocked?.(record);
}
