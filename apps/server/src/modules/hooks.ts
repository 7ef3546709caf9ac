import type { ModuleHooks } from '../core/records/module-hooks.js';
import { groupsHooks } from './groups/groups.hooks.js';
import { usersHooks } from './users/users.hooks.js';

/** The modules whose behaviour goes beyond what their declaration gives. */
const hooks: Record<string, ModuleHooks> = {
  users: usersHooks,
  groups: groupsHooks,
};

const none: ModuleHooks = {};

export function hooksFor(module: string): ModuleHooks {
  return hooks[module] ?? none;
}
