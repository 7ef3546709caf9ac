import { leadsOverrides } from './leads';
import { opportunitiesOverrides } from './opportunities';
import type { ModuleOverrides } from './overrides';
import { usersOverrides } from './users';

const overrides: Record<string, ModuleOverrides> = {
  leads: leadsOverrides,
  opportunities: opportunitiesOverrides,
  users: usersOverrides,
};

export const overridesOf = (module: string): ModuleOverrides => overrides[module] ?? {};
