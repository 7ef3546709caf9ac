import type { ModuleHooks } from '../core/records/module-hooks.js';
import { activitiesHooks } from './activities/activities.hooks.js';
import { groupsHooks } from './groups/groups.hooks.js';
import { leadsHooks } from './leads/leads.hooks.js';
import { notesHooks } from './notes/notes.hooks.js';
import { opportunitiesHooks } from './opportunities/opportunities.hooks.js';
import { usersHooks } from './users/users.hooks.js';

/** The modules whose behaviour goes beyond what their declaration gives. */
const hooks: Record<string, ModuleHooks> = {
  users: usersHooks,
  groups: groupsHooks,
  leads: leadsHooks,
  opportunities: opportunitiesHooks,
  notes: notesHooks,
  activities: activitiesHooks,
};

const none: ModuleHooks = {};

export function hooksFor(module: string): ModuleHooks {
  return hooks[module] ?? none;
}

/** Every module's hooks, for events that concern more than the module written to (a lead converted). */
export function allModuleHooks(): ModuleHooks[] {
  return Object.values(hooks);
}
