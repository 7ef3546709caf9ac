import type { FilterNode } from '@peyvand/shared';
import { InvalidArgumentError } from 'commander';
import { DEFAULT_WORKSPACE_ID } from '../core/auth/first-admin.js';
import type { Actor } from '../core/auth/principal.js';
import type { AppContext } from '../core/context.js';
import type { ModuleSet } from '../core/metadata/effective-module.js';
import { scopeOf } from '../core/records/records.routes.js';
import { createRecord, listRecords } from '../core/records/records.service.js';
import {
  type OrganizationRef,
  type RecordInput,
  SEED_004_LEAD,
  contactInput,
  leadInput,
  organizationInput,
} from './persian-data.js';
import { Random } from './random.js';

export interface DemoOptions {
  organizations: number;
  contacts: number;
  leads: number;
  /** The same seed gives the same records. */
  seed: string;
}

export const DEMO_DEFAULTS: DemoOptions = { organizations: 100, contacts: 300, leads: 200, seed: '1404' };

export interface DemoSummary {
  organizations: number;
  contacts: number;
  leads: number;
  seedLead: { id: string; number: string; created: boolean } | null;
}

/** For the CLI's count options: a whole number, Persian digits welcome. */
export function parseCount(value: string): number {
  const n = Number(value.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))));
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

const systemActor: Actor = { workspaceId: DEFAULT_WORKSPACE_ID, userId: null, role: 'admin' };

/** The seed 004 lead is recognised by its mobile number and family name, however often the demo runs. */
const seedLeadFilter: FilterNode = {
  and: [
    { field: 'mobile', op: 'eq', value: SEED_004_LEAD.mobile },
    { field: 'lastName', op: 'eq', value: SEED_004_LEAD.lastName },
  ],
};

/**
 * Loads Persian demo organizations, contacts and leads through the record service, each input
 * parsed by its module's create schema, so every value is validated and stored exactly as the
 * API would. Records are owned round-robin by the workspace's active users. Each run adds the
 * requested numbers; the seed 004 lead is among the leads only when it is not there yet.
 */
export async function loadDemo(
  ctx: AppContext,
  options: Partial<DemoOptions> = {},
  log: (message: string) => void = () => undefined,
): Promise<DemoSummary> {
  const { organizations, contacts, leads, seed } = { ...DEMO_DEFAULTS, ...options };
  const rng = new Random(seed);
  const modules: ModuleSet = await ctx.registry.currentModules(DEFAULT_WORKSPACE_ID);
  const scope = (module: string) => scopeOf(ctx, systemActor, modules, module);
  const create = (module: string, input: RecordInput) =>
    createRecord(scope(module), modules.get(module)!.schemas.create.parse(input));

  const users = await listRecords(scope('users'), { limit: 200, filter: { field: 'active', op: 'eq', value: true } });
  const ownerIds = users.data.map((u) => u.id);
  const owner = () => (ownerIds.length > 0 ? { ownerId: rng.pick(ownerIds) } : {});
  const progress = (module: string, done: number, total: number) => {
    if (done % 100 === 0 || done === total) log(`${module}: ${done}/${total}`);
  };

  // The seed lead's company is left to the lead: converting it creates that organization.
  const takenNames = new Set<string>([String(SEED_004_LEAD.company)]);
  const orgs: OrganizationRef[] = [];
  for (let i = 0; i < organizations; i++) {
    const branchOf = orgs.length >= 10 && rng.chance(0.06) ? rng.pick(orgs) : undefined;
    const generated = organizationInput(rng, takenNames, { ...(branchOf ? { branchOf } : {}), ...owner() });
    const created = await create('organizations', generated.input);
    orgs.push({ id: created.id, name: generated.name, domain: generated.domain, city: generated.city });
    progress('organizations', i + 1, organizations);
  }

  // The first contact of an organization is the one its other people often report to.
  const heads = new Map<string, string>();
  for (let i = 0; i < contacts; i++) {
    const organization = orgs.length > 0 && rng.chance(0.65) ? rng.pick(orgs) : undefined;
    const head = organization && heads.get(organization.id);
    const generated = contactInput(rng, {
      ...(organization ? { organization } : {}),
      ...(head && rng.chance(0.5) ? { reportsToId: head } : {}),
      ...owner(),
    });
    const created = await create('contacts', generated.input);
    if (organization && !head) heads.set(organization.id, created.id);
    progress('contacts', i + 1, contacts);
  }

  let seedLead: DemoSummary['seedLead'] = null;
  const existing = await listRecords(scope('leads'), { limit: 1, filter: seedLeadFilter });
  if (existing.data[0]) {
    seedLead = { id: existing.data[0].id, number: String(existing.data[0].number), created: false };
  }
  for (let i = 0; i < leads; i++) {
    if (!seedLead) {
      const created = await create('leads', { ...SEED_004_LEAD, ...owner() });
      seedLead = { id: created.id, number: String(created.number), created: true };
    } else {
      await create('leads', leadInput(rng, takenNames, owner()).input);
    }
    progress('leads', i + 1, leads);
  }
  return { organizations, contacts, leads, seedLead };
}
