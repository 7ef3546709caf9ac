/**
 * fast-check arbitraries for hostile input: what a careless integrator, a broken client or an
 * attacker sends. Values are drawn from a route's own JSON Schema (so they get past the first
 * checks and reach the database) mixed with values of the wrong type, length or shape.
 */
import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations.js';

/** The seed of every property in the hostile suites: fixed so a failure can be replayed (FC_SEED to vary it). */
export const FC_SEED = Number(process.env.FC_SEED ?? 1403);

/** Text that has broken software before: SQL, markup, templates, prototype keys, bidi and combining marks. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  "'",
  '"',
  '\\',
  "'; drop table records; --",
  "' or '1'='1",
  '1) or 1=1 --',
  '$1',
  '$$; select pg_sleep(10); $$',
  '%',
  '_',
  '%_%',
  '*',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '__proto__',
  'constructor',
  'toString',
  '../../../../etc/passwd',
  'custom.',
  'custom.__proto__',
  '-',
  ',,,',
  '=cmd|/C calc!A0',
  '\u200c',
  '\u200f\u202eمتن وارونه\u202c',
  'می\u200cخواهم',
  'e\u0301\u0301\u0301',
  '👨‍👩‍👧‍👦🇮🇷',
  '۱۴۰۳/۱۲/۳۰',
  '٠١٢٣٤٥٦٧٨٩',
  '1403-13-40',
  '2024-02-30',
  '9999-12-31T99:99:99Z',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '\u0000',
  '\ud800',
  'a\udfffb',
  '\uffff',
  '\t\r\n',
];

const hugeString = fc
  .tuple(fc.constantFrom('x', 'ش', '😀', '\u200c'), fc.integer({ min: 1_000, max: 60_000 }))
  .map(([unit, times]) => unit.repeat(times));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
);

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, -(2 ** 53), 1e308, -1e308, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const hostileKey = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 10 }));

/** Any JSON value, with hostile strings, numbers and keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Arrays and filter trees nested far deeper than any input needs. */
export const deeplyNested: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 30, max: 1_000 }), fc.constantFrom('array', 'and', 'or', 'object'))
  .map(([depth, shape]) => {
    let value: unknown = { field: 'name', op: 'eq', value: 'x' };
    for (let i = 0; i < depth; i++) {
      if (shape === 'array') value = [value];
      else if (shape === 'object') value = { a: value };
      else value = { [shape]: [value] };
    }
    return value;
  });

export interface SchemaContext {
  resolveRef(schema: JsonSchema): JsonSchema;
  /** Words that mean something to this API (field and module names): strings come from here often. */
  vocabulary: readonly string[];
  /** Real record ids, so that references point at something. */
  ids: readonly string[];
}

/** Strings that fit many fields: dates in both calendars, phone numbers, e-mail addresses, numbers, links. */
const PLAUSIBLE_STRINGS = [
  '2031-03-21',
  '1410/01/01',
  '۱۴۱۰/۰۱/۰۱',
  '2031-03-21T10:00:00+03:30',
  'ali@example.ir',
  '09121234567',
  '۰۹۱۲۱۲۳۴۵۶۷',
  '+989121234567',
  'https://example.ir',
  '0084571939',
  '12',
  '۱۲',
  'تهران',
  'علی رضایی',
];

const anyWord = (ctx: SchemaContext) =>
  fc.oneof(
    fc.constantFrom(...ctx.vocabulary),
    fc.constantFrom(...ctx.vocabulary).map((w) => `-${w}`),
    fc.constantFrom(...ctx.vocabulary).map((w) => `custom.${w}`),
  );

function stringFor(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ctx.ids) }, fc.uuid());
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 300;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  return fc.oneof(
    { weight: 3, arbitrary: anyWord(ctx) },
    { weight: 3, arbitrary: fc.constantFrom(...PLAUSIBLE_STRINGS) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 30) }) },
    // Exactly at the limit and one past it, in Persian letters.
    { weight: 1, arbitrary: fc.constantFrom('ب'.repeat(max), 'ب'.repeat(max + 1)) },
  );
}

function numberFor(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum;
  const max = schema.maximum ?? schema.exclusiveMaximum;
  const bounds = [min, max].filter((b): b is number => typeof b === 'number').flatMap((b) => [b - 1, b, b + 1]);
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: min ?? -2, max: Math.min(max ?? 300, (min ?? -2) + 300) }) },
    { weight: 1, arbitrary: bounds.length > 0 ? fc.constantFrom(...bounds) : hostileNumber },
  );
}

/** Values shaped by `schema`: what it allows, at its limits and just past them. */
export function fromSchema(schema: JsonSchema, ctx: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  const resolved = ctx.resolveRef(schema);
  if (depth > 5) return fc.constantFrom(...PLAUSIBLE_STRINGS);
  const variants = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  if (variants) return fc.oneof(...variants.map((v) => fromSchema(v, ctx, depth + 1)));
  if ('const' in resolved) return fc.constant(resolved.const);
  if (Array.isArray(resolved.enum)) return fc.constantFrom(...resolved.enum);
  const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
  switch (type) {
    case 'string':
      return stringFor(resolved, ctx);
    case 'number':
    case 'integer':
      return numberFor(resolved);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = resolved.items ? fromSchema(resolved.items, ctx, depth + 1) : hostileJson;
      return fc.array(items, { maxLength: Math.min(resolved.maxItems ?? 3, 3) });
    }
    case 'object': {
      const properties = (resolved.properties ?? {}) as Record<string, JsonSchema>;
      if (Object.keys(properties).length === 0) return fc.dictionary(anyWord(ctx), hostileJson, { maxKeys: 3 });
      return fc.record(
        Object.fromEntries(Object.entries(properties).map(([name, prop]) => [name, fromSchema(prop, ctx, depth + 1)])),
        { requiredKeys: (resolved.required as string[] | undefined) ?? [] },
      );
    }
    default:
      return hostileJson;
  }
}

/** A value shaped by `schema` but for one property (or one undeclared one) holding anything at all. */
export function mutated(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<unknown> {
  const resolved = ctx.resolveRef(schema);
  const names = Object.keys(resolved.properties ?? {});
  if (names.length === 0) return hostileJson;
  return fc
    .tuple(fromSchema(resolved, ctx), fc.oneof(fc.constantFrom(...names), hostileKey), hostileJson)
    .map(([value, key, replacement]) => ({ ...(value as object), [key]: replacement }));
}
