import type { FormValues } from '../core/form/formValues';

/**
 * What a module's screens do differently from the generic ones. Most modules have nothing here:
 * the metadata says all there is to say.
 */
export interface ModuleOverrides {
  /** Starting values of a new record's form, by field path. */
  newRecordDefaults?: FormValues;
}
