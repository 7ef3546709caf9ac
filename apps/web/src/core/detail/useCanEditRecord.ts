import { useCanWrite } from '../../auth/writeAccess';
import { overridesOf } from '../../modules';
import type { ApiRecord, ModuleMeta } from '../metadata/types';

/** Whether the user may change this record: the module allows it and the record is not locked (a converted lead). */
export function useCanEditRecord(module: ModuleMeta, record: ApiRecord): boolean {
  const canWrite = useCanWrite(module);
  return canWrite && !overridesOf(module.name).isRecordLocked?.(record);
}
