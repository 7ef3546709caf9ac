import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../db/database.js';
import type { RecordRow } from '../records/record-serializer.js';

/**
 * Live records of the given modules matching a search condition, best first. The condition
 * runs on the trigram-indexed `search_text`; ranking is by trigram similarity to the query.
 */
export async function searchRows(
  db: DB,
  workspaceId: string,
  modules: string[],
  condition: RawBuilder<SqlBool>,
  normalizedQuery: string,
  limit: number,
): Promise<RecordRow[]> {
  return db
    .selectFrom('records')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('module', 'in', modules)
    .where('deleted_at', 'is', null)
    .where(condition)
    .orderBy(sql`word_similarity(${normalizedQuery}, search_text) desc`)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** Near matches for a query that found nothing exactly (a misspelt name). */
export function fuzzyCondition(normalizedQuery: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${normalizedQuery} <% search_text`;
}
