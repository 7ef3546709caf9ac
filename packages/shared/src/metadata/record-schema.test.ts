import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getModule } from './modules/index.js';
import { buildWriteSchemas, valueSchema } from './record-schema.js';
import type { FieldDef } from './types.js';

const contacts = buildWriteSchemas(getModule('contacts'));
const organizations = buildWriteSchemas(getModule('organizations'));
const field = (type: FieldDef['type'], extras: Partial<FieldDef> = {}): FieldDef => ({
  name: 'f',
  type,
  label: { fa: 'ف', en: 'F' },
  ...extras,
});
const parse = (def: FieldDef, value: unknown) => valueSchema(def).safeParse(value);

test('amounts typed with Persian digits and separators become numbers', () => {
  assert.equal(parse(field('currency'), '۱٬۲۰۰٬۰۰۰').data, 1_200_000);
  assert.equal(parse(field('number'), '1,250.5').data, 1250.5);
  assert.equal(parse(field('number'), 42).data, 42);
  assert.equal(parse(field('number'), 'دوازده').success, false);
  assert.equal(parse(field('percent'), 120).success, false);
});

test("an empty string means no value, whatever the field's type", () => {
  for (const type of ['text', 'number', 'date', 'email', 'phone', 'picklist'] as const) {
    assert.equal(parse(field(type, { options: [{ value: 'a', label: { fa: 'الف', en: 'A' } }] }), '').data, null, type);
  }
});

test('dates accept Jalali and Gregorian input and are stored as ISO dates', () => {
  assert.equal(parse(field('date'), '1403/05/12').data, '2024-08-02');
  assert.equal(parse(field('date'), '۱۴۰۳/۰۵/۱۲').data, '2024-08-02');
  assert.equal(parse(field('date'), '2024-08-02').data, '2024-08-02');
  assert.equal(parse(field('date'), '1403/13/01').success, false);
});

test('instants need a time zone and are stored in UTC', () => {
  assert.equal(parse(field('datetime'), '2024-08-02T11:00:00+03:30').data, '2024-08-02T07:30:00.000Z');
  assert.equal(parse(field('datetime'), '2024-08-02T11:00:00').success, false);
});

test('picklists match an option by value or by either label', () => {
  const def = getModule('leads').fields.find((f) => f.name === 'leadSource')!;
  assert.equal(parse(def, 'website').data, 'website');
  assert.equal(parse(def, 'وب‌سایت').data, 'website');
  assert.equal(parse(def, 'Website').data, 'website');
  assert.equal(parse(def, 'carrier pigeon').success, false);
});

test('web addresses get a scheme, e-mails are lower-cased, tags are trimmed and deduplicated', () => {
  assert.equal(parse(field('url'), 'www.partogostar.ir').data, 'https://www.partogostar.ir');
  assert.equal(parse(field('url'), 'javascript:alert(1)').success, false);
  assert.equal(parse(field('email'), ' Ali@Example.IR ').data, 'ali@example.ir');
  assert.deepEqual(parse(field('tags'), [' تولد ', 'تولد', 'VIP', '']).data, ['تولد', 'VIP']);
});

test('phones are stored as E.164 with the typed form kept', () => {
  assert.deepEqual(parse(field('phone'), '0913 808 6200').data, { number: '+989138086200', typed: '0913 808 6200' });
  const phones = contacts.create.parse({
    lastName: 'صادقی',
    phones: [{ number: '۰۳۱۹۱۰۰۷۸۷۹', kind: 'work' }, { number: '09138086200' }],
  });
  assert.deepEqual(phones.phones, [
    { kind: 'work', number: '+983191007879', typed: '۰۳۱۹۱۰۰۷۸۷۹' },
    { kind: 'mobile', number: '+989138086200', typed: '09138086200' },
  ]);
});

test('Iranian identifiers are validated and stored as Latin digits', () => {
  assert.equal(parse(field('nationalCode'), '۰۴۹۹۳۷۰۸۹۹').data, '0499370899');
  assert.equal(parse(field('nationalCode'), '0499370898').success, false);
  assert.equal(parse(field('legalNationalId'), '10380284790').data, '10380284790');
  assert.equal(parse(field('legalNationalId'), '10380284791').success, false);
});

test('text refuses what PostgreSQL cannot store, and keeps everything else byte for byte', () => {
  assert.equal(parse(field('text'), 'a\u0000b').success, false);
  assert.equal(parse(field('text'), '\ud800').success, false);
  const text = 'می‌خواهم 🎉 «پیوند»';
  assert.equal(parse(field('text'), text).data, text);
});

test('unknown fields are refused rather than dropped', () => {
  const result = contacts.create.safeParse({ lastName: 'رضایی', lastname: 'typo' });
  assert.equal(result.success, false);
  assert.equal(result.error!.issues[0]!.code, 'unrecognized_keys');
});

test('read-only fields are not part of a write and updates carry an optional version', () => {
  assert.equal(
    buildWriteSchemas(getModule('leads')).create.safeParse({ lastName: 'x', converted: true }).success,
    false,
  );
  assert.equal(organizations.update.parse({ name: 'پرتو', version: 3 }).version, 3);
  assert.equal(organizations.update.safeParse({ version: 0 }).success, false);
});

test('custom fields are validated under `custom` like standard ones', () => {
  const declared = getModule('contacts');
  const withCustom = buildWriteSchemas({
    ...declared,
    fields: [
      ...declared.fields,
      { name: 'region', type: 'number', label: { fa: 'منطقه', en: 'Region' }, custom: true },
    ],
  });
  assert.deepEqual(withCustom.create.parse({ lastName: 'x', custom: { region: '۲۲' } }).custom, { region: 22 });
  assert.equal(withCustom.create.safeParse({ lastName: 'x', custom: { other: 1 } }).success, false);
});
