import type { ComponentType } from 'react';
import type { RecordPartProps } from '../core/detail/recordPartProps';
import type { FormValues } from '../core/form/formValues';
import type { ApiRecord, ModuleMeta } from '../core/metadata/types';

/**
 * What a module's screens do differently from the generic ones. Most modules have nothing here:
 * the metadata says all there is to say.
 */
export interface ModuleOverrides {
  /** Starting values of a new record's form, by field path. */
  newRecordDefaults?: FormValues;
  /** Actions of the module's own beside Edit and Delete on a record page (a lead's conversion). */
  recordActions?: ComponentType<RecordPartProps>;
  /** A notice above a record's tabs (what a converted lead became). */
  recordNotice?: ComponentType<RecordPartProps>;
  /** Whether a record can no longer be edited, whoever looks at it (a converted lead). */
  isRecordLocked?(record: ApiRecord): boolean;
  /** Controls at the head of the module's list (the opportunities' list/board switch). */
  listActions?: ComponentType<{ module: ModuleMeta }>;
}
