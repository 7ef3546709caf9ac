import { z } from 'zod';
import type { ModuleDef, ModuleName } from '../types.js';
import { activities } from './activities.js';
import { contacts } from './contacts.js';
import { groups } from './groups.js';
import { leads } from './leads.js';
import { notes } from './notes.js';
import { opportunities } from './opportunities.js';
import { organizations } from './organizations.js';
import { users } from './users.js';

/** Every module Peyvand knows; adding one is a new file here and one line below. */
export const modules: readonly ModuleDef[] = [
  organizations,
  contacts,
  leads,
  opportunities,
  users,
  groups,
  notes,
  activities,
];

/** A module's API name as a request gives it: one of the declared modules. */
export const moduleNameSchema = z.enum(modules.map((m) => m.name) as [string, ...string[]]);

export const moduleByName: ReadonlyMap<string, ModuleDef> = new Map(modules.map((m) => [m.name, m]));

export function getModule(name: ModuleName): ModuleDef {
  const found = moduleByName.get(name);
  if (!found) throw new Error(`unknown module ${name}`);
  return found;
}
