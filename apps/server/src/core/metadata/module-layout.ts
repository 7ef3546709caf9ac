import type { BlockDef, FieldDef } from '@peyvand/shared';
import { validationProblem } from '../http/problem.js';

/** Where custom fields go unless an admin puts them elsewhere; shown once a field holds it. */
export const CUSTOM_BLOCK: BlockDef = { name: 'custom', label: { fa: 'اطلاعات تکمیلی', en: 'Additional information' } };

/**
 * The blocks of a record page in display order: the admin's layout when there is one, else the
 * declaration's. A block that holds a field is always shown, even when the layout does not list
 * it (a block added to the declaration after the layout was saved, or `custom` once the first
 * custom field exists), so no field ever falls off the page.
 */
export function blocksInOrder(declared: BlockDef[], layout: BlockDef[] | undefined, fields: FieldDef[]): BlockDef[] {
  const blocks = layout ?? declared;
  const listed = new Set(blocks.map((b) => b.name));
  const known = new Map([...declared, CUSTOM_BLOCK].map((b) => [b.name, b]));
  const missing = [...new Set(fields.map((f) => f.block).filter((name): name is string => Boolean(name)))]
    .filter((name) => !listed.has(name))
    .map((name) => known.get(name) ?? { name, label: { fa: name, en: name } });
  return [...blocks, ...missing];
}

/** A field may be put in one of the module's blocks, or in `custom`, which appears when it is used. */
export function assertKnownBlock(blocks: BlockDef[], block: string | undefined): void {
  if (block === undefined || block === CUSTOM_BLOCK.name || blocks.some((b) => b.name === block)) return;
  const names = [...new Set([...blocks.map((b) => b.name), CUSTOM_BLOCK.name])].join(', ');
  throw validationProblem([{ field: 'block', code: 'unknown_block', params: { blocks: names } }]);
}
