import type { FieldDef } from '@peyvand/shared';
import { LETTER_FOLDS, PUNCTUATION_FOLDS, normalizeForSearch } from '@peyvand/shared';
import { type RawBuilder, type SqlBool, type Transaction, sql } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';
import type { EffectiveModule } from '../../core/metadata/effective-module.js';
import { type RecordRow, recordTitle } from '../../core/records/record-serializer.js';
import { searchCondition } from '../../core/records/records.service.js';
import type { MatchOn } from './imports.tables.js';

type Values = Record<string, unknown>;

const FIELD_TYPES_BY_KEY: Record<Exclude<MatchOn, 'name'>, string[]> = {
  email: ['emailList', 'email'],
  mobile: ['phoneList', 'phone'],
  nationalCode: ['nationalCode', 'legalNationalId'],
};

/** The field a match key compares: a lead's `mobile` before its `phone`, a contact's `phones`. */
export function matchField(module: EffectiveModule, matchOn: MatchOn): FieldDef | undefined {
  if (matchOn === 'name') return undefined;
  const fields = [...module.fields.values()];
  if (matchOn === 'mobile') {
    const mobile = module.fields.get('mobile');
    if (mobile?.type === 'phone') return mobile;
  }
  for (const type of FIELD_TYPES_BY_KEY[matchOn]) {
    const field = fields.find((f) => f.type === type);
    if (field) return field;
  }
  return undefined;
}

/**
 * JSON fragments a stored record containing any of them is a duplicate by. A row matched on
 * `mobile` offers its mobile numbers only (or its one number); a stored record is found by any
 * of its numbers (`anyPhone`).
 */
export function fragments(field: FieldDef, value: unknown, matchOn: MatchOn, anyPhone = false): Values[] {
  if (value === undefined || value === null || value === '') return [];
  switch (field.type) {
    case 'emailList':
      return (value as { address: string }[]).map((e) => ({ [field.name]: [{ address: e.address }] }));
    case 'phoneList':
      return (value as { kind: string; number: string }[])
        .filter((p) => anyPhone || matchOn !== 'mobile' || p.kind === 'mobile' || (value as unknown[]).length === 1)
        .map((p) => ({ [field.name]: [{ number: p.number }] }));
    case 'phone':
      return [{ [field.name]: { number: (value as { number: string }).number } }];
    default:
      return [{ [field.name]: value }];
  }
}

/** The organization a record belongs to, when its module has one: names match only within it. */
export const organizationField = (module: EffectiveModule) => {
  const field = module.fields.get('organizationId');
  return field?.type === 'reference' ? field.name : undefined;
};

/** Characters normalizeForSearch turns into others, as `translate` takes them: from, to. */
const FOLDS = Object.entries({ ...LETTER_FOLDS, ...PUNCTUATION_FOLDS });
const DIGITS_FROM = '۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩';
const DIGITS_TO = '01234567890123456789';
/** The format characters (\p{Cf}) a name may hold: ZWNJ, bidi marks, the BOM, a soft hyphen. */
const FORMAT_CHARS = '[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]';
/** What JavaScript's \\s holds; [[:space:]] alone depends on the database's locale. */
const SPACES = '[[:space:]\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+';
/** Arabic harakat and Quranic marks, and the tatweel, which normalizeForSearch drops. */
const DROPPED_MARKS = '[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]';

/**
 * SQL twin of normalizeForSearch for a title (test/normalized-title.test.ts holds them equal):
 * NFKC (presentation forms pasted from a PDF become letters), format characters as spaces, the
 * same letter, punctuation and digit folds, marks dropped, lower case, spaces collapsed.
 */
export function normalizedTitleSql(
  module: EffectiveModule,
  data: RawBuilder<unknown> = sql`r.data`,
): RawBuilder<string> {
  const parts = module.def.titleFields.map((name) => sql`${data} ->> ${name}`);
  const spaced = sql`regexp_replace(normalize(concat_ws(' ', ${sql.join(parts)}), NFKC), ${FORMAT_CHARS}, ' ', 'g')`;
  const folded = sql`translate(${spaced}, ${FOLDS.map(([from]) => from).join('') + DIGITS_FROM}, ${FOLDS.map(([, to]) => to).join('') + DIGITS_TO})`;
  const unmarked = sql`regexp_replace(${folded}, ${DROPPED_MARKS}, '', 'g')`;
  return sql<string>`lower(btrim(regexp_replace(${unmarked}, ${SPACES}, ' ', 'g')))`;
}

/**
 * Records whose name is near-identical to `title` (normalised by normalizeForSearch): the same
 * with the spaces left out, so «محمدرضا» and «محمد رضا», or «پرتوگستر امید» and «پرتو گستر امید»,
 * are one name. The trigram index records_search narrows by the name's last word (a surname, a
 * company's last word), whose spacing varies least; the database compares the names, so a common
 * surname cannot crowd the match out of a page of candidates.
 */
export function sameNameCondition(module: EffectiveModule, title: string): RawBuilder<SqlBool> | undefined {
  const search = title ? searchCondition(title.split(' ').at(-1)!) : undefined;
  if (!search) return undefined;
  const compact = title.replaceAll(' ', '');
  return sql<SqlBool>`(${search} and replace(${normalizedTitleSql(module, sql.ref('records.data'))}, ' ', '') = ${compact})`;
}

/**
 * The live record the row duplicates by the chosen key (the oldest when several do), locked
 * for the rest of the batch's transaction; undefined when the row has no value for the key.
 */
export async function findDuplicate(
  trx: Transaction<Database>,
  workspaceId: string,
  module: EffectiveModule,
  matchOn: MatchOn,
  input: Values,
): Promise<RecordRow | undefined> {
  let query = trx
    .selectFrom('records')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', module.def.name)
    .where('deleted_at', 'is', null);
  if (matchOn === 'name') {
    const same = sameNameCondition(module, normalizeForSearch(recordTitle(module, input)));
    if (!same) return undefined;
    query = query.where(same);
    // A row that names its organization matches a person there; one that does not, anyone of the name.
    const org = organizationField(module);
    if (org && input[org]) query = query.where(sql<SqlBool>`records.data ->> ${org} = ${input[org]}`);
  } else {
    const field = matchField(module, matchOn);
    const wanted = field ? fragments(field, input[field.name], matchOn) : [];
    if (wanted.length === 0) return undefined;
    query = query.where((eb) => eb.or(wanted.map((f) => sql<boolean>`data @> ${JSON.stringify(f)}::jsonb`)));
  }
  return query.orderBy('created_at').orderBy('id').limit(1).forUpdate().executeTakeFirst();
}

/**
 * The keys a row is a duplicate by (`name` aside: it needs a search): one per value it would be
 * matched on, equal to the keys of the stored records it would match (`duplicateKeys` of their
 * data with `stored`).
 */
export function duplicateKeys(
  module: EffectiveModule,
  matchOn: Exclude<MatchOn, 'name'>,
  values: Values,
  stored = false,
): string[] {
  const field = matchField(module, matchOn);
  return field ? fragments(field, values[field.name], matchOn, stored).map((f) => JSON.stringify(f)) : [];
}

/**
 * The live records any of `rows` duplicates, in one query: each key mapped to the oldest record
 * holding it. Nothing is locked: the caller locks a record before writing over it.
 */
export async function findDuplicatesOf(
  db: DB,
  workspaceId: string,
  module: EffectiveModule,
  matchOn: Exclude<MatchOn, 'name'>,
  rows: Values[],
): Promise<Map<string, string>> {
  const keys = [...new Set(rows.flatMap((row) => duplicateKeys(module, matchOn, row)))];
  const found = new Map<string, string>();
  if (keys.length === 0) return found;
  const records = await db
    .selectFrom('records')
    .select(['id', 'data'])
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', module.def.name)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or(keys.map((key) => sql<boolean>`data @> ${key}::jsonb`)))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const record of records) {
    for (const key of duplicateKeys(module, matchOn, record.data, true)) if (!found.has(key)) found.set(key, record.id);
  }
  return found;
}
