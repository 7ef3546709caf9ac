import type { PicklistOption } from '@peyvand/shared';
import { firstOpenStage, isEmptyValue, stageOption, tehranDateOf } from '@peyvand/shared';
import type { ModuleHooks, PendingWrite } from '../../core/records/module-hooks.js';

const isClosed = (stage: PicklistOption | undefined) => stage?.kind === 'won' || stage?.kind === 'lost';

/**
 * A deal moved to another stage takes that stage's probability and, reaching won or lost, the
 * day it closed (reopened, it loses it) — unless the same write sets them itself.
 */
function followStage(write: PendingWrite, stages: readonly PicklistOption[]): void {
  const before = stageOption(stages, write.previous?.data.stage);
  const after = stageOption(stages, write.data.stage);
  if (!write.isNew && before === after) return;
  if (!('probability' in write.input) && after?.probability !== undefined) write.data.probability = after.probability;
  if ('closedOn' in write.input) return;
  if (!isClosed(after)) delete write.data.closedOn;
  else if (!isClosed(before) || isEmptyValue(write.data.closedOn)) write.data.closedOn = tehranDateOf(write.at);
}

/** New deals start in the first open stage of the workspace's funnel when none is named. */
export const opportunitiesHooks: ModuleHooks = {
  async beforeWrite(_trx, _actor, write) {
    const stages = write.module.fields.get('stage')?.options ?? [];
    if (write.isNew && isEmptyValue(write.data.stage)) {
      const first = firstOpenStage(stages);
      if (first) write.data.stage = first.value;
    }
    followStage(write, stages);
  },
};
