import type { HistoryChange, StoredChanges } from '../db/schema.js';
import type { EffectiveModule } from '../metadata/effective-module.js';

/*
 * How a history entry's changes are kept in `record_history.changes`. A «created» entry sets
 * each value from nothing, so it keeps the new record's values as one object, the way the record
 * holds them: { firstName: …, custom: { nickname: … }, ownerId: … }. That is half the JSON of a
 * { field, from: null, to } per field, which an import writes for every row it creates, and
 * the database can write it from the stored row itself (records.repository's insertRecords).
 * Any other entry, and a created one with a value from something (a new group's members, from
 * none), keeps the list. Entries of either form read back as the list, in the module's order
 * (jsonb keeps an object's keys in an order of its own).
 */

const CUSTOM_PREFIX = 'custom.';
const orders = new WeakMap<EffectiveModule, string[]>();

/** The fields a record's changes name, in the order they are listed: fields, custom fields, owner. */
export function changedFields(module: EffectiveModule): string[] {
  let order = orders.get(module);
  if (!order) {
    order = [...module.fields.keys(), ...[...module.customFields.keys()].map((name) => CUSTOM_PREFIX + name)];
    if (!module.def.unowned) order.push('ownerId', 'ownerGroupId');
    orders.set(module, order);
  }
  return order;
}

export function toStoredChanges(action: string, changes: HistoryChange[]): StoredChanges {
  if (action !== 'created' || changes.some((c) => c.from !== null)) return changes;
  const values: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const { field, to } of changes) {
    if (field.startsWith(CUSTOM_PREFIX)) custom[field.slice(CUSTOM_PREFIX.length)] = to;
    else values[field] = to;
  }
  if (Object.keys(custom).length > 0) values.custom = custom;
  return values;
}

export function fromStoredChanges(module: EffectiveModule, stored: StoredChanges): HistoryChange[] {
  if (Array.isArray(stored)) return stored;
  const { custom, ...values } = stored as Record<string, unknown> & { custom?: Record<string, unknown> };
  for (const [name, value] of Object.entries(custom ?? {})) values[CUSTOM_PREFIX + name] = value;
  const changes: HistoryChange[] = [];
  const add = (field: string) => changes.push({ field, from: null, to: values[field] });
  const listed = changedFields(module);
  for (const field of listed) if (field in values) add(field);
  // A field since removed from the module, or one a module's hooks add (a password set).
  const known = new Set(listed);
  for (const field of Object.keys(values)) if (!known.has(field)) add(field);
  return changes;
}
