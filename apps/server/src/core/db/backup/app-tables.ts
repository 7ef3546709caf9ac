import { sql } from 'kysely';
import type { DB } from '../database.js';

/** The table migrate() keeps for itself: a backup records its content in the header instead. */
export const MIGRATIONS_TABLE = 'schema_migrations';

export interface AppTable {
  name: string;
  /** Columns a row is written and read with: every stored column, generated ones left out. */
  columns: string[];
}

export interface SequenceState {
  name: string;
  /** null when the sequence was never used. */
  lastValue: number | null;
}

/**
 * The application's tables, read from the catalog rather than listed by hand so a table a
 * future migration adds is backed up without anyone remembering to. Ordered so that every
 * table comes after the tables its foreign keys point to: inserting in this order never
 * breaks a constraint.
 */
export async function appTables(db: DB): Promise<AppTable[]> {
  const columns = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname <> ${MIGRATIONS_TABLE}
    order by c.relname, a.attnum`.execute(db);
  const references = await sql<{ table: string; references: string }>`
    select c.relname as table, r.relname as references
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class r on r.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = current_schema() and c.oid <> r.oid`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const row of columns.rows) byTable.set(row.table, [...(byTable.get(row.table) ?? []), row.column]);
  const dependsOn = new Map<string, Set<string>>([...byTable.keys()].map((t) => [t, new Set<string>()]));
  for (const row of references.rows) dependsOn.get(row.table)?.add(row.references);

  const ordered: AppTable[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: string[]) => {
    if (placed.has(table)) return;
    if (path.includes(table)) throw new Error(`foreign keys form a cycle: ${[...path, table].join(' → ')}`);
    for (const parent of dependsOn.get(table) ?? []) visit(parent, [...path, table]);
    placed.add(table);
    ordered.push({ name: table, columns: byTable.get(table)! });
  };
  for (const table of [...byTable.keys()].sort()) visit(table, []);
  return ordered;
}

/** Every sequence of the schema (identity columns' included) and how far it has gone. */
export async function sequenceStates(db: DB): Promise<SequenceState[]> {
  const result = await sql<{ name: string; lastValue: string | number | null }>`
    select sequencename as name, last_value as "lastValue"
    from pg_sequences where schemaname = current_schema() order by sequencename`.execute(db);
  return result.rows.map((row) => ({
    name: row.name,
    lastValue: row.lastValue === null ? null : Number(row.lastValue),
  }));
}

export async function appliedMigrations(db: DB): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db);
  return result.rows.map((row) => row.name);
}
