import { normalizeForSearch } from '@peyvand/shared';
import { type SqlBool, sql } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { ModuleSet } from '../../core/metadata/effective-module.js';
import { searchCondition } from '../../core/records/records.service.js';
import { normalizedTitleSql } from './duplicate-match.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cell holding a record's id rather than its name. */
export const isRecordId = (text: string) => UUID.test(text.trim());

export type LookupResult = { id: string } | { code: 'reference_not_found' | 'reference_ambiguous' };

/**
 * Finds the record a cell names: by id, by its title (an organization's name, a contact's full
 * name) compared after Persian normalisation, or a user by e-mail. Answers are cached for the
 * import, so a thousand contacts of one company cost one query.
 */
export class ReferenceLookup {
  private readonly cache = new Map<string, LookupResult>();
  /** The same answers by the text as typed: most cells repeat a spelling, and normalising is not free. */
  private readonly byTypedText = new Map<string, LookupResult>();

  constructor(
    private readonly db: DB,
    private readonly workspaceId: string,
    private readonly modules: ModuleSet,
  ) {}

  async find(target: string, text: string): Promise<LookupResult> {
    const typed = `${target}\u0000${text}`;
    let result = this.byTypedText.get(typed);
    if (result) return result;
    const key = `${target}\u0000${normalizeForSearch(text)}`;
    result = this.cache.get(key);
    if (!result) {
      result = await this.query(target, text.trim());
      this.cache.set(key, result);
    }
    this.byTypedText.set(typed, result);
    return result;
  }

  private async query(target: string, text: string): Promise<LookupResult> {
    const base = this.db
      .selectFrom('records')
      .select('id')
      .where('workspace_id', '=', this.workspaceId)
      .where('module', '=', target)
      .where('deleted_at', 'is', null);
    if (isRecordId(text)) {
      const row = await base.where('id', '=', text.toLowerCase()).executeTakeFirst();
      return row ? { id: row.id } : { code: 'reference_not_found' };
    }
    if (target === 'users' && text.includes('@')) {
      const row = await base.where(sql`lower(data ->> 'email')`, '=', text.toLowerCase()).executeTakeFirst();
      return row ? { id: row.id } : { code: 'reference_not_found' };
    }
    const module = this.modules.get(target);
    const search = searchCondition(text);
    if (!module || !search) return { code: 'reference_not_found' };
    const wanted = normalizeForSearch(text);
    // The database compares the titles (its twin of normalizeForSearch), so a common name cannot
    // push the record out of a page of candidates; two are enough to know it is ambiguous.
    const same = await base
      .where(search)
      .where(sql<SqlBool>`${normalizedTitleSql(module, sql.ref('records.data'))} = ${wanted}`)
      .orderBy('created_at')
      .limit(2)
      .execute();
    if (same.length === 0) return { code: 'reference_not_found' };
    if (same.length > 1) return { code: 'reference_ambiguous' };
    return { id: same[0]!.id };
  }
}
