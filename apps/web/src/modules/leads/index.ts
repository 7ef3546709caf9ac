import { lazy } from 'react';
import type { ModuleOverrides } from '../overrides';

/** Seed 004: a lead is converted from its page, and once converted it is kept read-only. */
export const leadsOverrides: ModuleOverrides = {
  recordActions: lazy(() => import('./ConvertLeadAction').then((m) => ({ default: m.ConvertLeadAction }))),
  recordNotice: lazy(() => import('./ConvertedLeadNotice').then((m) => ({ default: m.ConvertedLeadNotice }))),
  isRecordLocked: (record) => record.converted === true,
};
