import type { BlockDef } from '@peyvand/shared';
import type { Actor } from '../auth/principal.js';
import type { DB } from '../db/database.js';
import { ProblemError, validationProblem } from '../http/problem.js';
import { assertAdmin } from '../records/permissions.js';
import { type EffectiveModule, effectiveModule } from './effective-module.js';
import { bumpMetadataVersion } from './field-definitions.repository.js';
import { describeModule } from './metadata.service.js';
import { blocksInOrder } from './module-layout.js';
import { saveModuleLayout } from './module-layouts.repository.js';

export const MAX_BLOCKS = 50;

/**
 * Saves the blocks of a module's record page, in display order: declared ones relabelled or
 * moved, new ones added. A block left out is dropped, which only an empty one may be, so no
 * field loses its place on the page.
 */
export async function arrangeBlocks(db: DB, actor: Actor, module: EffectiveModule, blocks: BlockDef[]) {
  assertAdmin(actor);
  const names = new Set<string>();
  const twice = blocks.flatMap((block, i) => {
    if (names.has(block.name)) return [{ field: `blocks.${i}.name`, code: 'listed_twice' }];
    names.add(block.name);
    return [];
  });
  if (twice.length > 0) throw validationProblem(twice);
  const stillHolding = module.def.blocks
    .filter((block) => !names.has(block.name))
    .map((block) => ({ block, fields: module.def.fields.filter((f) => f.block === block.name).map((f) => f.name) }))
    .filter(({ fields }) => fields.length > 0);
  if (stillHolding.length > 0) {
    throw new ProblemError(
      'unprocessable',
      {
        fa: `بخشی که فیلد دارد حذف نمی‌شود: ${stillHolding.map((d) => d.block.label.fa).join('، ')}.`,
        en: `A block that holds fields cannot be dropped: ${stillHolding.map((d) => d.block.label.en).join(', ')}.`,
      },
      stillHolding.map(({ block, fields }) => ({
        field: 'blocks',
        code: 'block_not_empty',
        params: { block: block.name, fields: fields.join(', ') },
      })),
    );
  }
  await db.transaction().execute(async (trx) => {
    await saveModuleLayout(trx, actor.workspaceId, module.def.name, blocks);
    await bumpMetadataVersion(trx, actor.workspaceId);
  });
  return describeModule(
    effectiveModule({ ...module.def, blocks: blocksInOrder(module.def.blocks, blocks, module.def.fields) }),
  );
}
