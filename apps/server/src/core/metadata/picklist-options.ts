import type { FieldDef } from '@peyvand/shared';
import { moduleByName } from '@peyvand/shared';
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
  const inUse = await optionValuesInUse(
    db,
    workspaceId,
    module.def.name,
    { name: current.name, custom: Boolean(current.custom), multiple: current.type === 'multiPicklist' },
    removed.filter((value) => !declared.has(value)),
  );
  const issues: FieldIssue[] = [];
  const ownValues = removed.filter((value) => declared.has(value));
  if (ownValues.length > 0)
    issues.push({ field: 'options', code: 'option_declared', params: { values: ownValues.join(', ') } });
  if (inUse.length > 0) issues.push({ field: 'options', code: 'option_in_use', params: { values: inUse.join(', ') } });
  if (issues.length > 0) throw new ProblemError('unprocessable', undefined, issues);
}
