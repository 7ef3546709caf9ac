import type { FormValues } from '../../core/form/formValues';
import type { FieldMeta, ModuleMeta } from '../../core/metadata/types';
import type { Formatter } from '../../locale/format';
import { CONVERSION_PARTS, type ConversionPart, type ConversionStart, PART_MODULES } from './conversionApi';
import { dialogFields, startingValues } from './conversionForm';

export interface PartState {
  module: ModuleMeta;
  fields: FieldMeta[];
  /** Whether this record is to be created. */
  on: boolean;
  values: FormValues;
}

export type PartStates = Record<ConversionPart, PartState>;

/**
 * Each part as the dialog opens: ticked when the server would create it (an organization when the
 * lead has a company, a contact when it has a name, always an opportunity), filled with its defaults.
 */
export function initialParts(modules: ModuleMeta[], start: ConversionStart, format: Formatter): PartStates {
  const entries = CONVERSION_PARTS.map((part) => {
    const module = modules.find((m) => m.name === PART_MODULES[part])!;
    const fields = dialogFields(module, part);
    const state: PartState = {
      module,
      fields,
      on: start[part] !== null,
      values: startingValues(fields, start[part], format),
    };
    return [part, state] as const;
  });
  return Object.fromEntries(entries) as PartStates;
}

/** Where to go once converted: the opportunity, where seed 004 says the follow-up carries on, if it is made. */
export function defaultDestination(parts: PartStates): ConversionPart {
  return [...CONVERSION_PARTS].reverse().find((part) => parts[part].on) ?? 'opportunity';
}
