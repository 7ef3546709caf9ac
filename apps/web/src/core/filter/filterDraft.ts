import type { FilterNode, FilterOperator } from '@peyvand/shared';
import { isCondition } from '@peyvand/shared';

/**
 * What the filter builder edits: the API's filter tree with ids for React and room for
 * half-written conditions (no field or value yet), which are left out of the API tree.
 */
export interface ConditionDraft {
  kind: 'condition';
  id: string;
  field: string;
  op: FilterOperator | '';
  value: unknown;
}
export interface GroupDraft {
  kind: 'group';
  id: string;
  join: 'and' | 'or';
  children: FilterDraft[];
}
export type FilterDraft = ConditionDraft | GroupDraft;

let nextId = 0;
const newId = () => `f${++nextId}`;

export const NO_VALUE_OPERATORS: ReadonlySet<string> = new Set(['isEmpty', 'isNotEmpty']);
export const LIST_OPERATORS: ReadonlySet<string> = new Set(['in', 'nin']);

export const emptyCondition = (): ConditionDraft => ({ kind: 'condition', id: newId(), field: '', op: '', value: '' });
export const emptyGroup = (join: 'and' | 'or' = 'and'): GroupDraft => ({
  kind: 'group',
  id: newId(),
  join,
  children: [emptyCondition()],
});

function hasValue(condition: ConditionDraft): boolean {
  if (NO_VALUE_OPERATORS.has(condition.op)) return true;
  const { value } = condition;
  if (condition.op === 'between')
    return Array.isArray(value) && value.length === 2 && value.every((v) => v !== '' && v !== null && v !== undefined);
  if (Array.isArray(value)) return value.length > 0;
  return value !== '' && value !== null && value !== undefined;
}

/** The API filter tree, or undefined when nothing complete is left. */
export function toFilterTree(draft: FilterDraft): FilterNode | undefined {
  if (draft.kind === 'condition') {
    if (!draft.field || !draft.op || !hasValue(draft)) return undefined;
    return NO_VALUE_OPERATORS.has(draft.op)
      ? { field: draft.field, op: draft.op }
      : { field: draft.field, op: draft.op, value: draft.value };
  }
  const children = draft.children.map(toFilterTree).filter((c): c is FilterNode => c !== undefined);
  if (children.length === 0) return undefined;
  return draft.join === 'and' ? { and: children } : { or: children };
}

/** A saved filter tree back into something the builder can edit; the root is always a group. */
export function fromFilterTree(tree: FilterNode | undefined | null): GroupDraft {
  if (!tree) return emptyGroup();
  const visit = (node: FilterNode): FilterDraft => {
    if (isCondition(node))
      return { kind: 'condition', id: newId(), field: node.field, op: node.op, value: node.value ?? '' };
    const join = 'and' in node ? 'and' : 'or';
    const children = 'and' in node ? node.and : node.or;
    return { kind: 'group', id: newId(), join, children: children.map(visit) };
  };
  const root = visit(tree);
  return root.kind === 'group' ? root : { kind: 'group', id: newId(), join: 'and', children: [root] };
}

/** How many complete conditions a tree has: the number shown on the filter button. */
export function countConditions(tree: FilterNode | undefined): number {
  if (!tree) return 0;
  if (isCondition(tree)) return 1;
  return ('and' in tree ? tree.and : tree.or).reduce((sum, child) => sum + countConditions(child), 0);
}
