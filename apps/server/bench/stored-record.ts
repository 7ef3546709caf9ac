import { isEmptyValue } from '@peyvand/shared';
import type { HistoryChange } from '../src/core/db/schema.js';
import type { EffectiveModule } from '../src/core/metadata/effective-module.js';
import { buildSearchText } from '../src/core/records/search-text.js';

/**
 * What the record service stores for a new record, computed without it: `parsed` is the
 * output of the module's create schema, as the service receives it.
 */
export interface StoredRecord {
  data: Record<string, unknown>;
  custom: Record<string, unknown>;
  ownerId: string | null;
  searchText: string;
  /** The `created` history entry's changes: every field set, from null. */
  changes: HistoryChange[];
}

/** As the service's merge onto nothing: empty values are not stored. */
function withoutEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && !isEmptyValue(v)));
}

export function storedRecord(module: EffectiveModule, parsed: Record<string, unknown>): StoredRecord {
  const { custom, ownerId, ownerGroupId: _group, ...rest } = parsed;
  const data = withoutEmpty(rest);
  const customValues = withoutEmpty((custom as Record<string, unknown> | undefined) ?? {});
  const owner = (ownerId as string | null | undefined) ?? null;
  const changes: HistoryChange[] = [];
  const set = (field: string, value: unknown) => {
    if (value !== undefined && value !== null) changes.push({ field, from: null, to: value });
  };
  for (const name of module.fields.keys()) set(name, data[name]);
  for (const name of module.customFields.keys()) set(`custom.${name}`, customValues[name]);
  if (!module.def.unowned) set('ownerId', owner);
  return {
    data,
    custom: customValues,
    ownerId: owner,
    searchText: buildSearchText(module, data, customValues),
    changes,
  };
}
