import type { FieldType } from '@peyvand/shared';
import type { FieldMeta, ModuleMeta } from '../metadata/types';
import { fieldByPath } from '../metadata/fields';

// Fixed widths by type keep the table from jumping as pages with longer values arrive.
const WIDTHS: Partial<Record<FieldType, number>> = {
  boolean: 110,
  number: 130,
  currency: 170,
  percent: 110,
  date: 130,
  datetime: 170,
  phone: 170,
  phoneList: 190,
  email: 230,
  emailList: 240,
  picklist: 150,
  longText: 280,
  addressList: 280,
  address: 280,
};

export const columnWidth = (field: FieldMeta) => (field.name === 'number' ? 120 : (WIDTHS[field.type] ?? 190));

// Record ids and versions are for machines, not for a person reading a list.
const NOT_COLUMNS = new Set(['id', 'version', 'updatedBy']);

/** Every field that can be a column, in layout order: the module's fields, then the record's stamps. */
export function columnCandidates(module: ModuleMeta): FieldMeta[] {
  return [
    ...module.fields.filter((f) => !f.hidden && !f.writeOnly),
    ...module.systemFields.filter((f) => !NOT_COLUMNS.has(f.name)),
  ];
}

/** The columns to show: the chosen ones that still exist, else the module's defaults. */
export function resolveColumns(module: ModuleMeta, chosen: string[] | undefined): FieldMeta[] {
  const names = chosen && chosen.length > 0 ? chosen : module.listColumns;
  return names.map((path) => fieldByPath(module, path)).filter((f): f is FieldMeta => Boolean(f && !f.hidden));
}
