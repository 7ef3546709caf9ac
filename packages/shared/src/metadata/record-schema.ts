import { z } from 'zod';
import { fieldTypes } from './field-types/index.js';
import { recordIdSchema } from './field-types/reference.js';
import type { FieldDef, ModuleDef } from './types.js';

const emptyToNull = (value: unknown) => (value === '' ? null : value);

/**
 * A value a form or an import may send as `''` or `null` to mean "no value". `''` is null before
 * the union, whose first branch is the type's own: a value is taken at the first try (a union
 * tries its branches in turn, allocating each failed one's issues, for every field of every row
 * of a million-row import). The `''` branch is for the API's documentation.
 */
export function valueSchema(field: FieldDef): z.ZodType {
  return z.preprocess(emptyToNull, z.union([fieldTypes[field.type].schema(field), z.null(), z.literal('')]));
}

export const versionSchema = z.number().int().positive();

export interface WriteSchemas {
  create: z.ZodType<Record<string, unknown>>;
  update: z.ZodType<Record<string, unknown>>;
}

/**
 * The body schemas of a module's create and update, derived from its declaration and its
 * custom fields. Unknown fields are refused, so a typo never silently drops a value.
 * Required fields are checked on the merged record by the server, since a PATCH may omit them.
 */
export function buildWriteSchemas(module: ModuleDef): WriteSchemas {
  const shape: Record<string, z.ZodType> = {};
  const customShape: Record<string, z.ZodType> = {};
  for (const field of module.fields) {
    if (field.readOnly) continue;
    (field.custom ? customShape : shape)[field.name] = valueSchema(field).optional();
  }
  shape.custom = z.strictObject(customShape).optional();
  if (!module.unowned) {
    shape.ownerId = z.union([z.null(), recordIdSchema]).optional();
    shape.ownerGroupId = z.union([z.null(), recordIdSchema]).optional();
  }
  return {
    create: z.strictObject(shape) as z.ZodType<Record<string, unknown>>,
    update: z.strictObject({ ...shape, version: versionSchema.optional() }) as z.ZodType<Record<string, unknown>>,
  };
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
