import type { FieldDef } from '@peyvand/shared';
import { moduleByName, modules } from '@peyvand/shared';
import type { DB } from '../db/database.js';
import { type FieldIssue, ProblemError } from '../http/problem.js';
import type { EffectiveModule } from './effective-module.js';
import { optionValuesInUse } from './field-definitions.repository.js';

/**
 * A picklist value may be relabelled or hidden at any time, but removed only when no record
 * holds it (a record would keep a value no form can show) and, for a standard field, only when
 * an admin added it: Peyvand's own values (an activity's `call`, a user's `admin`) are what its
 * code and integrations rely on.
 */
export async function assertOptionsKept(
  db: DB,
  workspaceId: string,
  module: EffectiveModule,
  current: FieldDef,
  next: FieldDef,
): Promise<void> {
  const kept = new Set((next.options ?? []).map((o) => o.value));
  const removed = (current.options ?? []).map((o) => o.value).filter((value) => !kept.has(value));
  if (removed.length === 0) return;
  const declaredField = current.custom
    ? undefined
    : moduleByName.get(module.def.name)?.fields.find((f) => f.name === current.name);
  const declared = new Set((declaredField?.options ?? []).map((o) => o.value));
  const candidates = removed.filter((value) => !declared.has(value));
  // The fields that share this list (FieldDef.optionsFrom) hold its values too.
  const holders = [
    { module: module.def.name, name: current.name, custom: Boolean(current.custom) },
    ...(current.custom ? [] : sharersOf(module.def.name, current.name)),
  ];
  const found = await Promise.all(
    holders.map(({ module: holder, ...field }) =>
      optionValuesInUse(db, workspaceId, holder, { ...field, multiple: current.type === 'multiPicklist' }, candidates),
    ),
  );
  const inUse = [...new Set(found.flat())];
  const issues: FieldIssue[] = [];
  const ownValues = removed.filter((value) => declared.has(value));
  if (ownValues.length > 0)
    issues.push({ field: 'options', code: 'option_declared', params: { values: ownValues.join(', ') } });
  if (inUse.length > 0) issues.push({ field: 'options', code: 'option_in_use', params: { values: inUse.join(', ') } });
  if (issues.length > 0) throw new ProblemError('unprocessable', undefined, issues);
}

/** The declared fields whose list is this one's (FieldDef.optionsFrom). */
function sharersOf(module: string, field: string) {
  return modules.flatMap((def) =>
    def.fields
      .filter((f) => f.optionsFrom?.module === module && f.optionsFrom.field === field)
      .map((f) => ({ module: def.name, name: f.name, custom: false })),
  );
}
