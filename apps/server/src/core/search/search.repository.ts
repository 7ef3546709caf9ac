import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../db/database.js';
import type { EffectiveModule } from '../metadata/effective-module.js';
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

/**
 * Records with `e164` in one of their searchable phone fields, by containment on the GIN index
 * of `data`: an exact number is found there far more cheaply than by trigrams, whose digit
 * triples (in every phone, code and number of every record) are the commonest of all.
 */
export function phoneCondition(modules: EffectiveModule[], e164: string): RawBuilder<SqlBool> | undefined {
  const fragments: Record<string, unknown>[] = [];
  for (const module of modules) {
    for (const field of module.fields.values()) {
      if (!field.searchable) continue;
      if (field.type === 'phone') fragments.push({ [field.name]: { number: e164 } });
      if (field.type === 'phoneList') fragments.push({ [field.name]: [{ number: e164 }] });
    }
  }
  if (fragments.length === 0) return undefined;
  return sql<SqlBool>`(${sql.join(
    [...new Set(fragments.map((f) => JSON.stringify(f)))].map((f) => sql`data @> ${f}::jsonb`),
    sql` or `,
  )})`;
}
