import { z } from 'zod';
import type { FieldTypeSpec } from './field-type.js';
import { recordIdSchema } from './reference.js';

/** A module's path name (`contacts`, `service-contracts`); the server checks it names a module. */
const moduleName = z.string().regex(/^[a-z][a-z-]{1,40}$/);

const linkItem = (modules?: readonly [string, ...string[]]) =>
  z.strictObject({ module: modules ? z.enum(modules) : moduleName, id: recordIdSchema });

/**
 * Records a note or an activity belongs to, stored as `[{ module, id }]` in `data`, so "linked to
 * contact X" is the containment `data @> {"links":[{"id":X}]}` that the GIN index on `data` serves:
 * no link table to keep in step, and the generic filters (`{ field: 'links', op: 'eq', value: X }`) work.
 */
function linkListType(modules?: readonly [string, ...string[]]): FieldTypeSpec {
  return {
    schema: () =>
      z
        .array(linkItem(modules))
        .max(100)
        .transform((links) => [...new Map(links.map((l) => [`${l.module}/${l.id}`, l])).values()]),
    storage: 'objects',
    primarySubField: 'id',
    subFields: ['module', 'id'],
    operators: ['eq', 'ne', 'in', 'nin', 'isEmpty', 'isNotEmpty'],
    empty: [],
    sortable: false,
  };
}

export const recordLinksField = linkListType();

/** The people taking part in an activity: users of Peyvand and contacts, in the same shape as links. */
export const participantsField = linkListType(['users', 'contacts']);
