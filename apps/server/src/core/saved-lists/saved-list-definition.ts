import type { FilterNode } from '@peyvand/shared';
import { type FieldIssue, validationProblem } from '../http/problem.js';
import { storableJsonIssue } from '../http/storable-json.js';
import type { EffectiveModule } from '../metadata/effective-module.js';
import { resolveField } from '../records/field-resolution.js';
import { compileFilter } from '../records/filter-compiler.js';
import { compileSort } from '../records/sort.js';

export interface ListDefinition {
  filter?: FilterNode | null | undefined;
  columns?: string[] | null | undefined;
  sort?: string | null | undefined;
}

/** Columns are the module's fields as a list shows them: standard, system or `custom.NAME`, each once. */
function columnIssues(module: EffectiveModule, columns: string[]): FieldIssue[] {
  const seen = new Set<string>();
  return columns.flatMap((column, i): FieldIssue[] => {
    const field = resolveField(module, column);
    if (!field || (field.source !== 'column' && field.sub !== undefined))
      return [{ field: `columns.${i}`, code: 'unknown_field' }];
    if (seen.has(column)) return [{ field: `columns.${i}`, code: 'listed_twice' }];
    seen.add(column);
    return [];
  });
}

/**
 * Checks a saved list's filter, sort and columns against the module with the very code the
 * query and list routes use, custom fields included: a list that saves is a list that runs.
 */
export function checkListDefinition(module: EffectiveModule, definition: ListDefinition): void {
  if (definition.filter) {
    // Values of isEmpty conditions are never parsed, yet they are stored.
    const issue = storableJsonIssue(definition.filter, 'filter');
    if (issue) throw validationProblem([issue]);
    compileFilter(module, definition.filter, 'filter');
  }
  if (definition.sort) compileSort(module, definition.sort);
  const issues = definition.columns ? columnIssues(module, definition.columns) : [];
  if (issues.length > 0) throw validationProblem(issues);
}
