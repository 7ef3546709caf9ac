import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidLegalNationalId, isValidNationalCode } from '@peyvand/shared';
import { buildModuleSet } from '../core/metadata/module-registry.js';
import { type OrganizationRef, SEED_004_LEAD, contactInput, leadInput, organizationInput } from './persian-data.js';
import { Random } from './random.js';

const modules = buildModuleSet([]);
const parse = (module: string, input: Record<string, unknown>) => {
  const result = modules.get(module)!.schemas.create.safeParse(input);
  assert.ok(result.success, `${module} ${JSON.stringify(input)}: ${JSON.stringify(result.error?.issues)}`);
  return result.data;
};

function generate(seed: string, count = 100) {
  const rng = new Random(seed);
  const taken = new Set<string>();
  const orgs = Array.from({ length: count }, () => organizationInput(rng, taken));
  const ref: OrganizationRef = { id: '01970000-0000-7000-8000-000000000001', ...orgs[0]! };
  const contacts = Array.from({ length: count }, (_, i) => contactInput(rng, i % 2 === 0 ? { organization: ref } : {}));
  const leads = Array.from({ length: count }, () => leadInput(rng, taken));
  return { orgs, contacts, leads };
}

test('every generated record is accepted by its module’s create schema', () => {
  const { orgs, contacts, leads } = generate('schemas', 500);
  for (const o of orgs) parse('organizations', o.input);
  for (const c of contacts) parse('contacts', c.input);
  for (const l of leads) parse('leads', l.input);
});

test('stored values are normalised: E.164 phones, Latin-digit codes, ISO birth dates', () => {
  const { orgs, contacts } = generate('stored', 300);
  let withCode = 0;
  let withBirthDate = 0;
  for (const c of contacts) {
    const data = parse('contacts', c.input);
    for (const phone of (data.phones ?? []) as { number: string; typed: string }[]) {
      assert.match(phone.number, /^\+989\d{9}$|^\+98[1-8]\d{9}$/);
    }
    if (data.nationalCode) {
      withCode++;
      assert.ok(isValidNationalCode(String(data.nationalCode)));
    }
    if (data.birthDate) {
      withBirthDate++;
      const year = Number(String(data.birthDate).slice(0, 4));
      assert.ok(year >= 1956 && year <= 2004, String(data.birthDate));
    }
  }
  assert.ok(withCode > 100 && withBirthDate > 100);
  for (const o of orgs) {
    const data = parse('organizations', o.input);
    assert.match((data.phone as { number: string }).number, /^\+98[1-8]\d{9}$/);
    if (data.nationalId) assert.ok(isValidLegalNationalId(String(data.nationalId)));
  }
});

test('both sexes, linked organizations and Persian company names appear', () => {
  const { orgs, contacts } = generate('variety', 300);
  const names = new Set(orgs.map((o) => o.name));
  assert.equal(names.size, orgs.length, 'company names are unique');
  assert.ok([...names].every((n) => /[\u0600-\u06FF]/.test(n)));
  assert.ok(contacts.some((c) => c.input.salutation === 'mr') && contacts.some((c) => c.input.salutation === 'mrs'));
  assert.ok(contacts.some((c) => c.input.organizationId) && contacts.some((c) => !c.input.organizationId));
});

test('the same seed gives the same records, another seed other ones', () => {
  assert.deepEqual(generate('1404'), generate('1404'));
  assert.notDeepEqual(generate('1404').contacts, generate('1403').contacts);
});

test('the seed 004 lead is stored with its phones in E.164', () => {
  const data = parse('leads', { ...SEED_004_LEAD });
  assert.deepEqual(data.phone, { number: '+983191007879', typed: '03191007879' });
  assert.deepEqual(data.mobile, { number: '+989138086200', typed: '09138086200' });
  assert.equal(data.company, 'پرتو گستر امید');
});
