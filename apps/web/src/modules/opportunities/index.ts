import type { ModuleOverrides } from '../overrides';
import { ListBoardSwitch } from './ListBoardSwitch';

/** Opportunities are also shown as the pipeline board, one switch away from their list. */
export const opportunitiesOverrides: ModuleOverrides = {
  listActions: ListBoardSwitch,
};
