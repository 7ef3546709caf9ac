import type { ModuleOverrides } from '../overrides';

/** A user added by an administrator can log in at once, as the server assumes when nothing is said. */
export const usersOverrides: ModuleOverrides = {
  newRecordDefaults: { active: true },
};
