import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { normalizeForSearch } from '@peyvand/shared';
import { sql } from 'kysely';
import type { EffectiveModule } from '../src/core/metadata/effective-module.js';
import { normalizedTitleSql } from '../src/modules/imports/duplicate-match.js';
import { type TestServer, startTestServer } from './support/test-server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.stop());

/** Names as people type them, each with something normalizeForSearch folds, drops or collapses. */
const NAMES = [
  'پرتو گستر امید',
  'شركت پارس', // Arabic kaf
  'علي رضايي', // Arabic yeh
  'محمد\u200cرضا  کاظمی', // ZWNJ and two spaces
  'مُحَمَّد', // harakat
  'نـــوآوران', // tatweel
  'آتیه «پارس»', // guillemets and alef madda
  'صنایع ۱۴۰۳ و ٢٠٢٤', // Persian and Arabic-Indic digits
  'Parto\u00a0Gostar LTD', // no-break space, Latin capitals
  ' \u200fبنیاد\u200e ', // bidi marks, spaces around
  'مؤسسه، فرهنگی؛ ۱٫۵٪', // Arabic punctuation
  'خانۀ كتاب', // heh with yeh above
  'ﻣﺤﻤﺪ ﻛﺎﻇﻤﻰ ﻻﻟﻪ', // Arabic presentation forms and the lam-alef ligature, as a PDF gives them
  'ＰＡＲＳ　Co', // full-width Latin and an ideographic space
];

test('the SQL twin of normalizeForSearch gives a title the same text as the JavaScript one', async () => {
  const organizations = { def: { titleFields: ['name'] } } as unknown as EffectiveModule;
  for (const name of NAMES) {
    const data = sql`${JSON.stringify({ name })}::jsonb`;
    const { rows } = await sql<{
      normalized: string;
    }>`select ${normalizedTitleSql(organizations, data)} as normalized`.execute(server.server.ctx.database.db);
    assert.equal(rows[0]!.normalized, normalizeForSearch(name), name);
  }
});
