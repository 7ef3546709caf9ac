import { fieldTypes } from '@peyvand/shared';
import type { StoredPhone } from '@peyvand/shared';
import type { Selectable } from 'kysely';
import type { RecordsTable } from '../db/schema.js';
import type { EffectiveModule } from '../metadata/effective-module.js';

export type RecordRow = Selectable<RecordsTable>;
export type ApiRecord = Record<string, unknown> & { id: string; version: number };

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * A stored row as the API returns it: system fields, every declared field (empty ones as
 * null or []), custom values under `custom`. Single phones come back as E.164 with the typed
 * form under `typed`, so clients can both compare and display them.
 */
export function toApiRecord(module: EffectiveModule, row: RecordRow, fields?: ReadonlySet<string>): ApiRecord {
  const out: ApiRecord = { id: row.id, number: row.number, version: row.version };
  if (!module.def.unowned) {
    out.ownerId = row.owner_id;
    out.ownerGroupId = row.owner_group_id;
  }
  const typed: Record<string, string> = {};
  for (const field of module.fields.values()) {
    if (field.writeOnly || (fields && !fields.has(field.name))) continue;
    const spec = fieldTypes[field.type];
    const value = row.data[field.name];
    if (value === undefined || value === null) {
      out[field.name] = spec.empty;
    } else if (spec.storage === 'phone') {
      out[field.name] = (value as StoredPhone).number;
      typed[field.name] = (value as StoredPhone).typed;
    } else {
      out[field.name] = value;
    }
  }
  if (Object.keys(typed).length > 0) out.typed = typed;
  const custom: Record<string, unknown> = {};
  for (const field of module.customFields.values()) {
    if (fields && !fields.has(`custom.${field.name}`) && !fields.has('custom')) continue;
    const value = row.custom[field.name];
    const spec = fieldTypes[field.type];
    custom[field.name] =
      value === undefined || value === null
        ? spec.empty
        : spec.storage === 'phone'
          ? (value as StoredPhone).number
          : value;
  }
  out.custom = custom;
  out.createdAt = iso(row.created_at);
  out.updatedAt = iso(row.updated_at);
  out.createdBy = row.created_by;
  out.updatedBy = row.updated_by;
  if (row.deleted_at) {
    out.deletedAt = iso(row.deleted_at);
    out.deletedBy = row.deleted_by;
  }
  return out;
}

/** A record's display title from its module's title fields, e.g. «احمد صادقی». */
export function recordTitle(module: EffectiveModule, data: Record<string, unknown>): string {
  return module.def.titleFields
    .map((name) => data[name])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .join(' ');
}
