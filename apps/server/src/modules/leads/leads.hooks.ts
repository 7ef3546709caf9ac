import { ProblemError } from '../../core/http/problem.js';
import type { ModuleHooks } from '../../core/records/module-hooks.js';
import { takeLeadTurn } from './lead-round-robin.js';

/**
 * A converted lead is history: its follow-up goes on in what it became, so it is no longer
 * changed. New leads without an owner are handed out round-robin when an admin enabled it.
 */
export const leadsHooks: ModuleHooks = {
  async beforeWrite(_trx, _actor, write) {
    if (write.previous?.data.converted !== true) return;
    throw new ProblemError(
      'conflict',
      {
        fa: 'سرنخ تبدیل شده فقط خواندنی است.',
        en: 'A converted lead is read-only.',
      },
      [{ field: 'converted', code: 'lead_converted' }],
    );
  },
  assignNewRecord: (trx, actor) => takeLeadTurn(trx, actor.workspaceId),
};
