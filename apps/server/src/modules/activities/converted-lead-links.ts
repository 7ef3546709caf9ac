import { type Transaction, sql } from 'kysely';
import type { Actor } from '../../core/auth/principal.js';
import type { Database } from '../../core/db/schema.js';
import type { LeadConversion } from '../../core/records/module-hooks.js';
import { insertHistoryEntries } from '../../core/records/records.repository.js';
import type { RecordLink } from './record-links.js';

/**
 * What hung on a converted lead follows it (seed 004): its notes and activities gain links to the
 * organization, contact and opportunity it became, so they show on those records' timelines.
 * The link to the lead stays, so the lead's own timeline still tells its story. Each moved record
 * gets a new version and a history entry, like any other change.
 */
export function followConvertedLead(module: 'notes' | 'activities') {
  return async (trx: Transaction<Database>, actor: Actor, conversion: LeadConversion): Promise<void> => {
    const added: RecordLink[] = [];
    if (conversion.organizationId) added.push({ module: 'organizations', id: conversion.organizationId });
    if (conversion.contactId) added.push({ module: 'contacts', id: conversion.contactId });
    if (conversion.opportunityId) added.push({ module: 'opportunities', id: conversion.opportunityId });
    if (added.length === 0) return;
    const moved = await sql<{ id: string; version: number; before: RecordLink[]; after: RecordLink[] }>`
      update records r
      set data = jsonb_set(r.data, '{links}', coalesce(r.data -> 'links', '[]') || ${JSON.stringify(added)}::jsonb),
          version = r.version + 1, updated_at = now(), updated_by = ${actor.userId}
      from records old
      where old.workspace_id = r.workspace_id and old.id = r.id
        and r.workspace_id = ${actor.workspaceId} and r.module = ${module} and r.deleted_at is null
        and r.data @> ${JSON.stringify({ links: [{ id: conversion.leadId }] })}::jsonb
      returning r.id, r.version, old.data -> 'links' as before, r.data -> 'links' as after`.execute(trx);
    await insertHistoryEntries(
      trx,
      moved.rows.map((row) => ({
        workspace_id: actor.workspaceId,
        record_id: row.id,
        module,
        version: row.version,
        action: 'updated' as const,
        changes: [{ field: 'links', from: row.before, to: row.after }],
        changed_by: actor.userId,
      })),
    );
  };
}
