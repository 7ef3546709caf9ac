import { newId } from '../src/core/db/ids.js';
import { DEFAULT_WORKSPACE_ID } from '../src/core/auth/first-admin.js';
import type { AppContext } from '../src/core/context.js';
import type { EffectiveModule, ModuleSet } from '../src/core/metadata/effective-module.js';
import { allocateNumbers, insertRecords } from '../src/core/records/records.repository.js';
import { type OrganizationRef, type RecordInput, contactInput, organizationInput } from '../src/demo/persian-data.js';
import { withArabicLetters } from '../src/demo/people.js';
import { Random } from '../src/demo/random.js';
import { type StoredRecord, storedRecord } from './stored-record.js';

const BATCH = 1000;
const SPREAD_MS = 3 * 365 * 24 * 3_600_000;

/** Values picked while generating, for the measured operations to ask for. */
export interface Sample {
  contactIds: string[];
  organizationIds: string[];
  /** Names of existing contacts, written with Arabic ي/ك. */
  arabicNames: string[];
  /** Mobile numbers of existing contacts, typed with spaces. */
  phones: string[];
}

export interface SeedResult {
  contacts: number;
  organizations: number;
  seconds: number;
  sample: Sample;
}

/** Keeps a fixed number of items, each seen item equally likely to be among them. */
class Reservoir<T> {
  readonly items: T[] = [];
  private seen = 0;
  constructor(
    private readonly size: number,
    private readonly rng: Random,
  ) {}
  offer(item: T): void {
    this.seen++;
    if (this.items.length < this.size) this.items.push(item);
    else {
      const j = this.rng.int(0, this.seen - 1);
      if (j < this.size) this.items[j] = item;
    }
  }
}

interface Row extends StoredRecord {
  id: string;
  createdAt: Date;
}

/**
 * One batch in one transaction, the way the engine would have stored the records one by one:
 * numbers from allocateNumbers, rows into `records` and `created` entries into `record_history`.
 */
async function insertBatch(ctx: AppContext, module: EffectiveModule, rows: Row[]): Promise<void> {
  const name = module.def.name;
  await ctx.database.db.transaction().execute(async (trx) => {
    const first = await allocateNumbers(trx, DEFAULT_WORKSPACE_ID, name, rows.length);
    await insertRecords(
      trx,
      rows.map((r, i) => ({
        workspace_id: DEFAULT_WORKSPACE_ID,
        id: r.id,
        module: name,
        number: `${module.def.numberPrefix}-${first + i}`,
        owner_id: r.ownerId,
        owner_group_id: null,
        data: r.data,
        custom: r.custom,
        search_text: r.searchText,
        created_by: r.ownerId,
        created_at: r.createdAt,
      })),
    );
  });
}

/**
 * Generates `contacts` realistic Persian contacts (and one organization for every hundred,
 * which 65 % of them work for) and bulk-inserts them with exactly the shapes the engine
 * stores: each input goes through the module's create schema, then becomes the row the
 * record service would write. Contacts carry the `region` custom field of their province.
 */
export async function seedContacts(
  ctx: AppContext,
  modules: ModuleSet,
  options: { contacts: number; ownerIds: string[]; seed: string; log: (message: string) => void },
): Promise<SeedResult> {
  const started = performance.now();
  const rng = new Random(options.seed);
  const now = Date.now();
  const organizationCount = Math.max(10, Math.round(options.contacts / 100));
  const total = organizationCount + options.contacts;
  let made = 0;
  let pending: Promise<void> | undefined;
  // Records are created evenly over three years, oldest first, like a CRM in use.
  const createdAt = () => new Date(now - SPREAD_MS + Math.floor((SPREAD_MS * made++) / total));
  const owner = () => rng.pick(options.ownerIds);

  const load = async (
    moduleName: string,
    count: number,
    next: () => { input: RecordInput; after?(id: string): void },
  ) => {
    const module = modules.get(moduleName)!;
    const schema = module.schemas.create;
    for (let start = 0; start < count; start += BATCH) {
      const rows: Row[] = [];
      const callbacks: (() => void)[] = [];
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        // Now and then the event loop gets a turn, for the driver to carry the previous batch on.
        if (i % 100 === 0) await new Promise(setImmediate);
        const { input, after } = next();
        const row = { id: newId(), createdAt: createdAt(), ...storedRecord(module, schema.parse(input)) };
        rows.push(row);
        if (after) callbacks.push(() => after(row.id));
      }
      // The database stores one batch while the next is generated.
      await pending;
      const done = Math.min(count, start + BATCH);
      pending = insertBatch(ctx, module, rows).then(() => {
        callbacks.forEach((callback) => callback());
        options.log(`${moduleName}: ${done}/${count}`);
      });
      // A failure surfaces at the next `await pending`, not as an unhandled rejection meanwhile.
      pending.catch(() => undefined);
    }
    await pending;
  };

  const takenNames = new Set<string>();
  const organizations: OrganizationRef[] = [];
  await load('organizations', organizationCount, () => {
    const generated = organizationInput(rng, takenNames, { ownerId: owner() });
    return {
      input: generated.input,
      after: (id) => organizations.push({ id, name: generated.name, domain: generated.domain, city: generated.city }),
    };
  });

  const ids = new Reservoir<string>(1000, rng);
  const names = new Reservoir<string>(50, rng);
  const phones = new Reservoir<string>(50, rng);
  await load('contacts', options.contacts, () => {
    const organization = rng.chance(0.65) ? rng.pick(organizations) : undefined;
    const generated = contactInput(rng, { ...(organization ? { organization } : {}), ownerId: owner() });
    const input: RecordInput = { ...generated.input, custom: { region: generated.city.province.region } };
    const { firstName, lastName } = input as { firstName: string; lastName: string };
    const full = `${firstName} ${lastName}`;
    if (/[یک]/.test(full)) names.offer(withArabicLetters(full));
    const mobile = (input.phones as { kind: string; number: string }[] | undefined)?.find((p) => p.kind === 'mobile');
    return {
      input,
      after: (id) => {
        ids.offer(id);
        if (mobile) phones.offer(mobile.number);
      },
    };
  });
  return {
    contacts: options.contacts,
    organizations: organizationCount,
    seconds: (performance.now() - started) / 1000,
    sample: {
      contactIds: ids.items,
      organizationIds: organizations.map((o) => o.id),
      arabicNames: names.items,
      phones: phones.items,
    },
  };
}
