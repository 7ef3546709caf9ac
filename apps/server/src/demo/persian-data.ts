import {
  CATEGORIES,
  CONTACT_GROUPS,
  DEPARTMENTS,
  JOB_TITLES,
  LEAD_NOTES,
  LEAD_SOURCES,
  LEAD_STAGES,
  LEAD_STATUSES,
  ORGANIZATION_NOTES,
  ORGANIZATION_ROLES,
  ORGANIZATION_TYPES,
  OWNERSHIPS,
  RATINGS,
  SOCIAL_NETWORKS,
  TAGS,
} from './business-vocabulary.js';
import { companyName } from './company-names.js';
import { type City, WEIGHTED_CITIES } from './iran-geography.js';
import {
  birthDate,
  landline,
  legalNationalId,
  mobile,
  nationalCode,
  typedDigits,
  typedPhone,
} from './iranian-identifiers.js';
import {
  type Person,
  address,
  personalEmail,
  randomPerson,
  street,
  typedName,
  typedPostalCode,
  workEmail,
} from './people.js';
import type { Random } from './random.js';

/**
 * Realistic Persian records as a client would send them to `POST /api/v1/{module}`: typed
 * phones, Persian digits, Jalali dates. Nothing here is pre-normalised; the module's create
 * schema turns it into what is stored, exactly as for the API.
 */

export type RecordInput = Record<string, unknown>;

/** What a contact generated for an organization takes from it. */
export interface OrganizationRef {
  id: string;
  name: string;
  domain: string;
  city: City;
}

export interface Generated {
  input: RecordInput;
  /** Where the record is: the benchmark derives its `region` custom field from it. */
  city: City;
}

export interface GeneratedOrganization extends Generated {
  name: string;
  domain: string;
}

/** Keeps only the entries whose condition held: `maybe(rng, 0.3, () => …)` fills 30 % of records. */
function maybe<T>(rng: Random, probability: number, value: () => T): T | undefined {
  return rng.chance(probability) ? value() : undefined;
}

function compact(input: Record<string, unknown>): RecordInput {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

function employees(rng: Random): number {
  const [min, max] = rng.weighted([
    [[3, 20], 35],
    [[20, 100], 35],
    [[100, 500], 20],
    [[500, 5000], 10],
  ] as const);
  return rng.int(min, max);
}

/** Annual revenue in Rial, in round millions. */
const revenueFor = (rng: Random, staff: number) => staff * rng.int(2, 30) * 1_000_000_000;

/** A company, or with `branchOf` one of its branches («صنایع غذایی زرین - شعبه شیراز»). */
export function organizationInput(
  rng: Random,
  takenNames: Set<string>,
  options: { branchOf?: OrganizationRef; ownerId?: string } = {},
): GeneratedOrganization {
  const city = rng.weighted(WEIGHTED_CITIES);
  const parent = options.branchOf;
  const company = parent
    ? { name: `${parent.name} - شعبه ${city.name}`, domain: parent.domain, industry: undefined }
    : companyName(rng, takenNames);
  const phone = landline(rng, city);
  const staff = employees(rng);
  const nationalId = maybe(rng, 0.85, () => legalNationalId(rng));
  const input = compact({
    name: company.name,
    phone: typedPhone(rng, phone),
    otherPhone: maybe(rng, 0.2, () => typedPhone(rng, landline(rng, city))),
    fax: maybe(rng, 0.3, () => typedPhone(rng, `${phone.slice(0, -1)}${(Number(phone.at(-1)) + 1) % 10}`)),
    email: maybe(rng, 0.7, () => `${rng.pick(['info', 'sales', 'office', 'contact'])}@${company.domain}`),
    website: maybe(rng, 0.75, () => `www.${company.domain}`),
    industry: company.industry,
    type: rng.weighted(ORGANIZATION_TYPES),
    rating: maybe(rng, 0.6, () => rng.weighted(RATINGS)),
    ownership: maybe(rng, 0.8, () => rng.weighted(OWNERSHIPS)),
    employees: maybe(rng, 0.7, () => staff),
    annualRevenue: maybe(rng, 0.5, () => revenueFor(rng, staff)),
    nationalId: nationalId && typedDigits(rng, nationalId, 0.2),
    // A legal entity's economic code is its national ID.
    economicCode: nationalId && maybe(rng, 0.6, () => nationalId),
    registrationNumber: maybe(rng, 0.6, () => typedDigits(rng, String(rng.int(1_000, 650_000)))),
    billingAddress: maybe(rng, 0.8, () => address(rng, city, 'billing')),
    shippingAddress: maybe(rng, 0.2, () => address(rng, city, 'shipping')),
    parentId: parent?.id,
    emailOptOut: maybe(rng, 0.03, () => true),
    description: maybe(rng, 0.15, () => rng.pick(ORGANIZATION_NOTES)),
    ownerId: options.ownerId,
  });
  return { input, city, name: company.name, domain: company.domain };
}

function salutation(rng: Random, person: Person): string {
  return person.sex === 'male'
    ? rng.weighted([
        ['mr', 70],
        ['dr', 15],
        ['eng', 15],
      ] as const)
    : rng.weighted([
        ['mrs', 75],
        ['dr', 15],
        ['eng', 10],
      ] as const);
}

function socials(rng: Random, person: Person) {
  const handle = rng.weighted([
    [`${person.first[1]}_${person.last[1]}`, 3],
    [`${person.first[1]}${person.last[1][0]}${rng.int(1, 99)}`, 2],
    [`${person.last[1]}.${person.first[1]}`, 1],
  ] as const);
  const networks = new Set([rng.weighted(SOCIAL_NETWORKS), rng.weighted(SOCIAL_NETWORKS)]);
  return [...networks].slice(0, rng.int(1, 2)).map((network) => ({ network, handle: `@${handle}` }));
}

/** Someone written with a national code: now and then in the «001-234567-8» form. */
function typedNationalCode(rng: Random, person: Person): string {
  const code = nationalCode(rng, person.city);
  return typedDigits(rng, rng.chance(0.1) ? `${code.slice(0, 3)}-${code.slice(3, 9)}-${code.slice(9)}` : code);
}

export function contactInput(
  rng: Random,
  options: { organization?: OrganizationRef; reportsToId?: string; ownerId?: string } = {},
): Generated {
  const org = options.organization;
  const person = randomPerson(rng, org && rng.chance(0.8) ? org.city : undefined);
  const phones = [
    maybe(rng, 0.92, () => ({ kind: 'mobile', number: typedPhone(rng, mobile(rng)) })),
    maybe(rng, org ? 0.5 : 0.2, () => ({
      kind: 'work',
      number: typedPhone(rng, landline(rng, org?.city ?? person.city)),
    })),
    maybe(rng, 0.12, () => ({ kind: 'home', number: typedPhone(rng, landline(rng, person.city)) })),
  ].filter((p) => p !== undefined);
  const emails = [
    maybe(rng, org ? 0.6 : 0, () => ({ kind: 'work', address: workEmail(rng, person, org!.domain) })),
    maybe(rng, 0.55, () => ({ kind: 'personal', address: personalEmail(rng, person) })),
  ].filter((e) => e !== undefined);
  const input = compact({
    salutation: maybe(rng, 0.4, () => salutation(rng, person)),
    firstName: typedName(rng, person.first[0]),
    lastName: typedName(rng, person.last[0]),
    title: maybe(rng, 0.7, () => rng.pick(JOB_TITLES)),
    organizationId: org?.id,
    organizationRole: org && maybe(rng, 0.5, () => rng.pick(ORGANIZATION_ROLES)),
    department: org && maybe(rng, 0.6, () => rng.pick(DEPARTMENTS)),
    reportsToId: options.reportsToId,
    nationalCode: maybe(rng, 0.65, () => typedNationalCode(rng, person)),
    birthDate: maybe(rng, 0.55, () => birthDate(rng)),
    phones: phones.length > 0 ? phones : undefined,
    emails: emails.length > 0 ? emails : undefined,
    socials: maybe(rng, 0.35, () => socials(rng, person)),
    preferredChannel: maybe(rng, 0.4, () => rng.pick(['phone', 'sms', 'email', 'messenger', 'in_person'])),
    emailOptOut: maybe(rng, 0.05, () => true),
    doNotCall: maybe(rng, 0.03, () => true),
    contactGroups: maybe(rng, 0.15, () => [rng.pick(CONTACT_GROUPS)]),
    category: maybe(rng, 0.3, () => rng.pick(CATEGORIES)),
    tags: maybe(rng, 0.4, () => rng.sample(TAGS, rng.int(1, 3))),
    leadSource: maybe(rng, 0.5, () => rng.weighted(LEAD_SOURCES)),
    paymentTerms: maybe(rng, 0.3, () => rng.pick(['prepay', 'after_delivery'])),
    purchaseStatus: maybe(rng, 0.3, () => rng.pick(['paid', 'pending', 'not_needed'])),
    totalPurchases: maybe(rng, 0.3, () => rng.int(1, 900) * 10_000_000),
    addresses: maybe(rng, 0.6, () => [address(rng, person.city, rng.pick(['main', 'home', 'work']))]),
    description: maybe(rng, 0.08, () => rng.pick(LEAD_NOTES)),
    ownerId: options.ownerId,
  });
  return { input, city: person.city };
}

export function leadInput(rng: Random, takenCompanyNames: Set<string>, options: { ownerId?: string } = {}): Generated {
  const person = randomPerson(rng);
  const city = person.city;
  const company = maybe(rng, 0.85, () => companyName(rng, takenCompanyNames));
  const hasFirst = rng.chance(0.95);
  const input = compact({
    salutation: maybe(rng, 0.4, () => salutation(rng, person)),
    firstName: hasFirst ? typedName(rng, person.first[0]) : undefined,
    lastName: typedName(rng, person.last[0]),
    company: company?.name,
    title: maybe(rng, 0.6, () => rng.pick(JOB_TITLES)),
    phone: maybe(rng, company ? 0.6 : 0.2, () => typedPhone(rng, landline(rng, city))),
    mobile: maybe(rng, 0.85, () => typedPhone(rng, mobile(rng))),
    fax: maybe(rng, company ? 0.1 : 0, () => typedPhone(rng, landline(rng, city))),
    email: maybe(rng, 0.6, () => (company ? workEmail(rng, person, company.domain) : personalEmail(rng, person))),
    website: company && maybe(rng, 0.4, () => `www.${company.domain}`),
    nationalCode: maybe(rng, 0.2, () => typedNationalCode(rng, person)),
    telegramId: maybe(rng, 0.15, () => `@${person.first[1]}_${person.last[1]}`),
    leadSource: maybe(rng, 0.85, () => rng.weighted(LEAD_SOURCES)),
    leadStatus: maybe(rng, 0.95, () => rng.weighted(LEAD_STATUSES)),
    rating: maybe(rng, 0.5, () => rng.weighted(RATINGS)),
    industry: company && maybe(rng, 0.8, () => company.industry),
    stage: maybe(rng, 0.5, () => rng.weighted(LEAD_STAGES)),
    annualRevenue: company && maybe(rng, 0.3, () => rng.int(1, 500) * 10_000_000_000),
    employees: company && maybe(rng, 0.4, () => rng.int(3, 800)),
    emailOptOut: maybe(rng, 0.03, () => true),
    street: maybe(rng, 0.5, () => street(rng)),
    poBox: maybe(rng, 0.05, () =>
      typedDigits(rng, `${city.postalPrefixes[0]}${rng.int(100, 999)}-${rng.int(100, 9999)}`),
    ),
    postalCode: maybe(rng, 0.4, () => typedPostalCode(rng, city)),
    city: maybe(rng, 0.8, () => city.name),
    province: maybe(rng, 0.8, () => city.province.name),
    country: maybe(rng, 0.8, () => 'ایران'),
    description: maybe(rng, 0.3, () => rng.pick(LEAD_NOTES)),
    ownerId: options.ownerId,
  });
  return { input, city };
}

/** The worked example of seed 004 (lead guide): «احمد صادقی» of «پرتو گستر امید», in Isfahan. */
export const SEED_004_LEAD: Readonly<RecordInput> = Object.freeze({
  salutation: 'mr',
  firstName: 'احمد',
  lastName: 'صادقی',
  company: 'پرتو گستر امید',
  phone: '03191007879',
  mobile: '09138086200',
  leadSource: 'inbound_call',
  leadStatus: 'new',
  city: 'اصفهان',
  province: 'اصفهان',
  country: 'ایران',
  description: 'نمونه ثبت سرنخ در راهنمای مدیریت سرنخ‌های فروش.',
});
