import { leadsOverrides } from './leads';
import type { ModuleOverrides } from './overrides';
import { usersOverrides } from './users';

const overrides: Record<string, ModuleOverrides> = { leads: leadsOverrides, users: usersOverrides };

export const overridesOf = (module: string): ModuleOverrides => overrides[module] ?? {};
