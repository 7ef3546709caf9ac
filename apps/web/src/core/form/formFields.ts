import type { FieldMeta, ModuleMeta } from '../metadata/types';
import { isOwned, requireOneOf } from '../metadata/fields';

const isEditable = (f: FieldMeta) => !f.readOnly && !f.hidden;

/**
 * The fields a form shows: every editable field in layout order, or only the quick-create
 * ones. A full form of an owned module also offers its owner, in the first block.
 */
export function formFields(module: ModuleMeta, mode: 'full' | 'quick', forCreate: boolean): FieldMeta[] {
  const fields = module.fields.filter(
    (f) => isEditable(f) && (mode === 'full' || f.quickCreate || f.required) && (f.type !== 'password' || forCreate),
  );
  const owner = module.systemFields.find((f) => f.name === 'ownerId');
  if (mode === 'full' && owner && isOwned(module)) fields.push({ ...owner, block: module.blocks[0]?.name });
  return fields;
}

export function requiredOneOfFields(module: ModuleMeta): FieldMeta[] {
  const names = requireOneOf(module);
  return module.fields.filter((f) => names.includes(f.name));
}
