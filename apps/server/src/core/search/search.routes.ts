import { normalizeForSearch, normalizeIranianPhone, parseLooseNumber, safeString } from '@peyvand/shared';
import type { RawBuilder, SqlBool } from 'kysely';
import { z } from 'zod';
import { type RouteSpec, defineRoute } from '../http/route.js';
import { recordTitle, toApiRecord } from '../records/record-serializer.js';
import { searchCondition } from '../records/records.service.js';
import { isPhoneQuery } from '../records/search-text.js';
import { fuzzyCondition, phoneCondition, searchRows } from './search.repository.js';

const searchQuery = z.strictObject({
  q: safeString(200),
  limit: z
    .union([z.number(), z.string()])
    .transform(parseLooseNumber)
    .pipe(z.number().int().min(1).max(100))
    .default(20),
  modules: safeString(200)
    .transform((s) =>
      s
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
    )
    .optional(),
});

export const searchRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/search',
    access: 'user',
    tags: ['search'],
    summary:
      'Search organizations, contacts and leads at once. Persian-aware: Arabic ي/ك, any digits, ZWNJ and diacritics are normalised; phone numbers match in any format.',
    query: searchQuery,
    handler: async ({ ctx, actor, modules, query }) => {
      const searchable = [...modules.values()].filter(
        (m) => m.def.globalSearch && (!query.modules || query.modules.includes(m.def.name)),
      );
      const normalized = normalizeForSearch(query.q);
      const exact = searchCondition(query.q);
      if (!exact || searchable.length === 0) return { data: [] };
      const names = searchable.map((m) => m.def.name);
      const search = (condition: RawBuilder<SqlBool>) =>
        searchRows(ctx.database.db, actor.workspaceId, names, condition, normalized, query.limit);
      // A whole phone number is looked up as one; a part of one, or a number only mentioned in
      // a text, is then found by the trigrams like any other text.
      const phone = isPhoneQuery(query.q) ? normalizeIranianPhone(query.q) : null;
      const byPhone = phone ? phoneCondition(searchable, phone.e164) : undefined;
      let rows = byPhone ? await search(byPhone) : [];
      if (rows.length === 0) rows = await search(exact);
      if (rows.length === 0 && normalized.length >= 3) {
        rows = await search(fuzzyCondition(normalized));
      }
      return {
        data: rows.map((row) => {
          const module = modules.get(row.module)!;
          return {
            module: row.module,
            id: row.id,
            number: row.number,
            title: recordTitle(module, row.data),
            record: toApiRecord(module, row),
          };
        }),
      };
    },
  }),
];
