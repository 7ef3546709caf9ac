import { lazy } from 'react';
import type { ModuleOverrides } from '../overrides';

/** Opportunities are also shown as the pipeline board, one switch away from their list. */
export const opportunitiesOverrides: ModuleOverrides = {
  listActions: lazy(() => import('./ListBoardSwitch').then((m) => ({ default: m.ListBoardSwitch }))),
};
