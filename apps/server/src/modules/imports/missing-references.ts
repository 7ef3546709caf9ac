import { normalizeForSearch } from '@peyvand/shared';
import { type Transaction, sql } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import { canWrite } from '../../core/records/permissions.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import { writeRecord } from '../../core/records/record-write.js';
import { withImportTables } from './imports.tables.js';
import { ReferenceLookup, isRecordId } from './reference-lookup.js';
import type { ImportPlan } from './import-plan.js';
import { type MappedColumn, cellText } from './row-conversion.js';

/**
 * Modules whose records a row may name before they exist: they are created from the name, as
 * vtiger and SuiteCRM do. An organization needs nothing but its name; a contact or a user named
 * in a cell is never made up.
 */
const CREATED_WHEN_MISSING = ['organizations'];

/**
 * The modules whose missing records this import creates: those of CREATED_WHEN_MISSING its user
 * may write, but never the module imported into (an organization's parent named in a file of
 * organizations may be the file's own row further down: made first, that row would make it twice).
 */
export function creatableTargets(scope: RecordScope): Set<string> {
  return new Set(
    CREATED_WHEN_MISSING.filter((name) => {
      const module = scope.modules.get(name);
      return module !== undefined && name !== scope.module.def.name && canWrite(scope.actor, module);
    }),
  );
}

/**
 * The names a file's rows give records of creatable modules that do not exist, gathered row by
 * row: per module, distinct after Persian normalisation (the lookup compares so), the first
 * spelling kept. Only a row that would be imported counts: one failing for another reason
 * (a bad mobile, a missing name) creates nothing for its error report to leave behind.
 */
export class NamedRecords {
  private readonly columns: MappedColumn[];
  private readonly names = new Map<string, Map<string, string>>();

  /** `plan`: the import's plan as the preview makes it, naming missing records in notes. */
  constructor(private readonly plan: ImportPlan) {
    this.columns = plan.columns.filter(
      (c) => c.target.field.type === 'reference' && plan.creatable.has(c.target.field.target!),
    );
  }

  async add(cells: string[]): Promise<void> {
    // Most rows name records that exist, or that an earlier row already named: the cached
    // look-up settles those, and only a row naming a new one is converted to see if it passes.
    let namesNew = false;
    for (const { index, target } of this.columns) {
      const name = cellText(cells, index);
      if (name === '' || isRecordId(name)) continue;
      const found = await this.plan.lookup.find(target.field.target!, name);
      if ('code' in found && found.code === 'reference_not_found')
        namesNew ||= !this.names.get(target.field.target!)?.has(normalizeForSearch(name));
    }
    if (!namesNew) return;
    const { notes } = await this.plan.converter.convert(cells);
    for (const note of notes) {
      if (note.code !== 'reference_created') continue;
      const module = this.columns.find((c) => c.column === note.column)!.target.field.target!;
      const name = String(note.params!.value);
      let names = this.names.get(module);
      if (!names) this.names.set(module, (names = new Map()));
      const key = normalizeForSearch(name);
      if (!names.has(key)) names.set(key, name);
    }
  }

  /** The names, per module, in pieces of at most `size`: each piece is created in a transaction of its own. */
  pieces(size: number): [string, string[]][] {
    return [...this.names].flatMap(([module, byKey]) => {
      const names = [...byKey.values()];
      return Array.from({ length: Math.ceil(names.length / size) }, (_, i): [string, string[]] => [
        module,
        names.slice(i * size, (i + 1) * size),
      ]);
    });
  }
}

/**
 * Creates, in `trx` and as the import's user, each named record of `target` that does not exist,
 * noting it for undo. A name several records share is left to its rows to report (ambiguous),
 * and so is one the module's schema refuses (too long, say). Imports on other servers creating
 * records of the same module wait for this transaction to commit, so two never both find a name
 * missing; a job taken up again after a crash finds the names it created and creates the rest.
 */
export async function createMissingRecords(
  scope: RecordScope,
  trx: Transaction<Database>,
  importId: string,
  target: string,
  names: string[],
): Promise<void> {
  const lookup = new ReferenceLookup(trx, scope.actor.workspaceId, scope.modules);
  const module = scope.modules.get(target)!;
  const [titleField] = module.def.titleFields;
  const targetScope: RecordScope = { ...scope, module };
  await sql`select pg_advisory_xact_lock(hashtext(${`import-creates:${scope.actor.workspaceId}:${target}`}))`.execute(
    trx,
  );
  for (const name of names) {
    const found = await lookup.find(target, name);
    if (!('code' in found) || found.code !== 'reference_not_found') continue;
    const input = module.schemas.create.safeParse({ [titleField!]: name });
    if (!input.success) continue;
    const row = await writeRecord(targetScope, trx, input.data);
    await withImportTables(trx)
      .insertInto('import_created_records')
      .values({ import_id: importId, record_id: row.id, module: target })
      .execute();
  }
}
