import type { ModuleOverrides } from '../overrides';
import { ConvertLeadAction } from './ConvertLeadAction';
import { ConvertedLeadNotice } from './ConvertedLeadNotice';

/** Seed 004: a lead is converted from its page, and once converted it is kept read-only. */
export const leadsOverrides: ModuleOverrides = {
  recordActions: ConvertLeadAction,
  recordNotice: ConvertedLeadNotice,
  isRecordLocked: (record) => record.converted === true,
};
