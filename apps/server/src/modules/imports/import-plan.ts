import { validationProblem } from '../../core/http/problem.js';
import { isPlainModule } from '../../core/records/record-write.js';
import type { FieldIssue } from '../../core/http/problem.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import { type ImportTarget, autoMapping, importTargets } from './import-targets.js';
import type { ImportOptions } from './imports.tables.js';
import { labelColumnIndex } from './labelled-columns.js';
import { creatableTargets } from './missing-references.js';
import { ReferenceLookup } from './reference-lookup.js';
import { type MappedColumn, RowConverter } from './row-conversion.js';

export interface ImportPlan {
  /** Column → field path, as given or as proposed from the header. */
  mapping: Record<string, string>;
  columns: MappedColumn[];
  targets: ImportTarget[];
  converter: RowConverter;
  /** The plan's cached look-up of the records cells name. */
  lookup: ReferenceLookup;
  /** Modules whose missing records rows name are notes, not failures (see missing-references). */
  creatable: ReadonlySet<string>;
}

/**
 * What the preview and the job's first read check a row for beyond what the job's conversion
 * does, looking ahead of the write path.
 */
export interface LookAhead {
  /** Modules whose missing records a row may name: a note that the job creates it, not a failure. */
  creatable: ReadonlySet<string>;
  /** A row can only create a record, in a plain module: one missing a required field fails at once. */
  required: boolean;
}

/** How an import with these options looks ahead (see LookAhead). */
export const lookAhead = (scope: RecordScope, options: Pick<ImportOptions, 'matchOn' | 'onDuplicate'>): LookAhead => ({
  creatable: creatableTargets(scope),
  // A row that may update a stored record gets its missing values from it.
  required: isPlainModule(scope.module) && (options.matchOn === null || options.onDuplicate === 'skip'),
});

/**
 * How the source's columns are imported. A given mapping must name columns of the file and
 * fields of the module, each field once but for lists; without one, the header is mapped automatically.
 * `ahead`: what the preview and the job's first read check besides (the job's own rows: nothing).
 */
export function importPlan(
  scope: RecordScope,
  header: string[],
  given: Record<string, string> | null,
  ahead: LookAhead = { creatable: new Set(), required: false },
): ImportPlan {
  const targets = importTargets(scope.module);
  const mapping = given ?? autoMapping(header, targets);
  const byPath = new Map(targets.map((t) => [t.path, t]));
  const issues: FieldIssue[] = [];
  const used = new Set<string>();
  const columns: MappedColumn[] = [];
  for (const [column, path] of Object.entries(mapping)) {
    if (!path) continue;
    const index = header.indexOf(column);
    const target = byPath.get(path);
    if (index < 0) issues.push({ field: `mapping.${column}`, code: 'unknown_column' });
    else if (!target) issues.push({ field: `mapping.${column}`, code: 'unknown_field' });
    else if (used.has(path) && !target.repeatable) issues.push({ field: `mapping.${column}`, code: 'listed_twice' });
    else {
      used.add(path);
      const labelIndex = target.sub ? undefined : labelColumnIndex(header, column);
      columns.push({ index, column, target, ...(labelIndex === undefined ? {} : { labelIndex }) });
    }
  }
  if (issues.length > 0) throw validationProblem(issues);
  // In the file's column order, not the mapping's: a stored mapping (jsonb) comes back with its
  // keys reordered, and list values (phones, e-mails) must keep the order the file gives them.
  columns.sort((a, b) => a.index - b.index);
  // A mapping the user gave must import something. The automatic one may find nothing: the
  // preview then shows the columns, for the user to map by hand (queueImport still refuses it).
  if (columns.length === 0 && given) throw validationProblem([{ field: 'mapping', code: 'nothing_mapped' }]);
  const lookup = new ReferenceLookup(scope.db, scope.actor.workspaceId, scope.modules);
  const converter = new RowConverter(scope.module, columns, lookup, ahead);
  return { mapping, columns, targets, converter, lookup, creatable: ahead.creatable };
}
