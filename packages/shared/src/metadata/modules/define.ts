import type { FieldDef, FieldType, Label, PicklistOption } from '../types.js';

/** Keeps declarations to one line a field: name, type, Persian label, English label, extras. */
export function field(
  name: string,
  type: FieldType,
  fa: string,
  en: string,
  extras: Omit<FieldDef, 'name' | 'type' | 'label'> = {},
): FieldDef {
  return { name, type, label: { fa, en }, ...extras };
}

export function options(...entries: [value: string, fa: string, en: string][]): PicklistOption[] {
  return entries.map(([value, fa, en]) => ({ value, label: { fa, en } }));
}

export const label = (fa: string, en: string): Label => ({ fa, en });
