import { moduleByName } from '@peyvand/shared';
import type { Transaction } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import type { FieldIssue } from '../../core/http/problem.js';
import { liveIds } from '../../core/records/records.repository.js';

export interface RecordLink {
  module: string;
  id: string;
}

/**
 * Each `{ module, id }` a note or an activity links to must be a live record of a module this
 * workspace has. Every user sees every live record today, so existing is being visible.
 */
export async function linkIssues(
  trx: Transaction<Database>,
  workspaceId: string,
  field: string,
  links: RecordLink[] | undefined,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const byModule = new Map<string, number[]>();
  (links ?? []).forEach((link, index) => {
    if (!moduleByName.has(link.module)) issues.push({ field: `${field}.${index}.module`, code: 'unknown_module' });
    else byModule.set(link.module, [...(byModule.get(link.module) ?? []), index]);
  });
  for (const [module, indexes] of byModule) {
    const found = await liveIds(
      trx,
      workspaceId,
      module,
      indexes.map((i) => links![i]!.id),
    );
    for (const i of indexes) {
      if (!found.has(links![i]!.id)) issues.push({ field: `${field}.${i}.id`, code: 'reference_not_found' });
    }
  }
  return issues;
}
