import { type SqlBool, type Transaction, sql } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import { escapeLike } from '../../core/records/filter-compiler.js';
import type { RecordRow } from '../../core/records/record-serializer.js';
import { companyNameKey } from './company-name.js';

/** Same key on every app server; taken per transaction and per company name. */
const COMPANY_NAME_LOCK = 73_020;

/**
 * Live organizations whose name has the same key as `name` (see companyNameKey). Until the
 * transaction ends, other conversions checking the same name wait, so two leads of one company
 * converted at once cannot both create it.
 */
export async function organizationsNamed(
  trx: Transaction<Database>,
  workspaceId: string,
  name: string,
): Promise<RecordRow[]> {
  const key = companyNameKey(name);
  if (!key) return [];
  await sql`select pg_advisory_xact_lock(${COMPANY_NAME_LOCK}, hashtext(${`${workspaceId}:${key}`}))`.execute(trx);
  // Every word of the key is in the search text of a match; the trigram index finds those rows.
  const words = key.split(' ').map((word) => sql<SqlBool>`search_text like ${`%${escapeLike(word)}%`}`);
  const rows = await trx
    .selectFrom('records')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', 'organizations')
    .where('deleted_at', 'is', null)
    .where(sql<SqlBool>`(${sql.join(words, sql` and `)})`)
    .orderBy('created_at')
    .limit(100)
    .execute();
  return rows.filter((row) => companyNameKey(String(row.data.name ?? '')) === key);
}
