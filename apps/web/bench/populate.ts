import { sql } from 'kysely';
import { seedContacts } from '../../server/bench/seed-contacts.js';
import { setUpWorkspace } from '../../server/bench/set-up.js';
import type { AppContext } from '../../server/src/core/context.js';
import { loadDemo } from '../../server/src/demo/demo-loader.js';

export interface Population {
  contacts: number;
  /** Names of generated contacts written with Arabic ي/ك, to type into the search box. */
  names: string[];
  /** e.g. "PostgreSQL 15.20". */
  database: string;
}

/** The benchmark's generated contacts, then the demo data on top, in the running server's database. */
export async function populate(ctx: AppContext, contacts: number, log: (message: string) => void): Promise<Population> {
  const workspace = await setUpWorkspace(ctx);
  const load = await seedContacts(ctx, workspace.modules, {
    contacts,
    ownerIds: workspace.ownerIds,
    seed: 'peyvand-bench',
    log,
  });
  log(`${contacts} contacts loaded in ${load.seconds.toFixed(1)} s; loading the demo data`);
  const demo = await loadDemo(ctx);
  log(`demo: ${demo.organizations} organizations, ${demo.contacts} contacts, ${demo.leads} leads`);
  // What autovacuum does soon after a bulk load; the planner needs the statistics.
  await sql`vacuum analyze`.execute(ctx.database.db);
  const version = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(ctx.database.db);
  const engine = ctx.database.kind === 'embedded' ? 'PGlite' : 'PostgreSQL';
  return {
    contacts: contacts + demo.contacts,
    names: load.sample.arabicNames,
    database: `${engine} ${version.rows[0]!.v.split(' ')[0]}`,
  };
}
