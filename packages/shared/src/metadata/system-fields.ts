import type { FieldDef, ModuleDef } from './types.js';
import { field } from './modules/define.js';

/**
 * Columns every record has, outside `data` and `custom`. They can be filtered and sorted
 * like declared fields, so they are described in the same vocabulary.
 */
export const SYSTEM_FIELDS: readonly FieldDef[] = [
  field('id', 'reference', 'شناسه', 'ID', { readOnly: true }),
  field('number', 'text', 'شماره', 'Number', { readOnly: true }),
  field('ownerId', 'reference', 'مسئول', 'Assigned to', { target: 'users' }),
  field('ownerGroupId', 'reference', 'گروه مسئول', 'Assigned group', { target: 'groups' }),
  field('createdAt', 'datetime', 'زمان ایجاد', 'Created at', { readOnly: true }),
  field('updatedAt', 'datetime', 'زمان ویرایش', 'Updated at', { readOnly: true }),
  field('createdBy', 'reference', 'ایجاد کننده', 'Created by', { target: 'users', readOnly: true }),
  field('updatedBy', 'reference', 'ویرایش کننده', 'Updated by', { target: 'users', readOnly: true }),
  field('version', 'number', 'نسخه', 'Version', { readOnly: true }),
];

const OWNER_FIELDS = new Set(['ownerId', 'ownerGroupId']);

export function systemFieldsOf(module: ModuleDef): readonly FieldDef[] {
  return module.unowned ? SYSTEM_FIELDS.filter((f) => !OWNER_FIELDS.has(f.name)) : SYSTEM_FIELDS;
}

export const SYSTEM_FIELD_NAMES: ReadonlySet<string> = new Set(SYSTEM_FIELDS.map((f) => f.name));
