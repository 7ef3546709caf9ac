import ICAL from 'ical.js';

/** vCard 4.0 (RFC 6350) by default; 3.0 (RFC 2426) for address books that read nothing newer. */
export const VCARD_VERSIONS = ['4.0', '3.0'] as const;
export type VcardVersion = (typeof VCARD_VERSIONS)[number];

type Params = Record<string, string | string[]>;
type JCardProperty = [name: string, params: Params, type: string, value: string | string[]];

interface Phone {
  kind: string;
  number: string;
}
interface Email {
  kind: string;
  address: string;
}
type Address = Partial<
  Record<'kind' | 'street' | 'city' | 'province' | 'postalCode' | 'country' | 'poBox', string | null>
>;

/** A stored contact as the vCard writer reads it; the organization's name is resolved beforehand. */
export interface CardContact {
  id: string;
  firstName?: string | null;
  lastName?: string | null;
  title?: string | null;
  department?: string | null;
  organizationRole?: string | null;
  birthDate?: string | null;
  description?: string | null;
  phones?: Phone[] | null;
  emails?: Email[] | null;
  addresses?: Address[] | null;
}

/** TYPE values per phone kind; the importer reads them back to the same kind (fax wins over work). */
const PHONE_TYPES: Record<string, string[]> = {
  mobile: ['cell'],
  work: ['work', 'voice'],
  home: ['home', 'voice'],
  fax: ['work', 'fax'],
  other: ['voice'],
};
/** vCard knows only work and home e-mail; an «other» address goes without a TYPE. */
const EMAIL_TYPES: Record<string, string[]> = { work: ['work'], personal: ['home'] };
const ADDRESS_TYPES: Record<string, string[]> = { work: ['work'], home: ['home'] };

const text = (value: string | null | undefined) => (typeof value === 'string' ? value.trim() : '');

/** vCard 3.0 readers on old phones expect upper-case TYPE values; 4.0 writes them as RFC 6350 does. */
const typeParam = (types: string[] | undefined, version: VcardVersion): Params =>
  types && types.length > 0 ? { type: version === '3.0' ? types.map((t) => t.toUpperCase()) : types } : {};

function phoneProperty(phone: Phone, version: VcardVersion): JCardProperty {
  const type = typeParam(PHONE_TYPES[phone.kind], version);
  // RFC 6350 asks for a tel: URI (VALUE=uri); 3.0 has a plain phone-number value.
  return version === '4.0'
    ? ['tel', { value: 'uri', ...type }, 'uri', `tel:${phone.number}`]
    : ['tel', type, 'phone-number', phone.number];
}

/**
 * One contact as a vCard. ical.js (Mozilla's iCalendar/vCard library, the one Thunderbird uses)
 * writes it: it escapes `\`, `,`, `;` and line breaks per value type and folds lines at 75
 * UTF-8 octets without splitting a character, so Persian text survives any reader.
 */
export function contactCard(contact: CardContact, organizationName: string | undefined, version: VcardVersion): string {
  const first = text(contact.firstName);
  const last = text(contact.lastName);
  const props: JCardProperty[] = [
    ['version', {}, 'text', version],
    ['prodid', {}, 'text', '-//Peyvand//CRM//FA'],
    ['uid', {}, version === '4.0' ? 'uri' : 'text', `urn:uuid:${contact.id}`],
    ['fn', {}, 'text', [first, last].filter(Boolean).join(' ')],
    ['n', {}, 'text', [last, first, '', '', '']],
  ];
  const organization = text(organizationName);
  const department = text(contact.department);
  if (organization || department)
    props.push(['org', {}, 'text', department ? [organization, department] : [organization]]);
  if (text(contact.title)) props.push(['title', {}, 'text', text(contact.title)]);
  if (text(contact.organizationRole)) props.push(['role', {}, 'text', text(contact.organizationRole)]);
  for (const phone of contact.phones ?? []) props.push(phoneProperty(phone, version));
  for (const email of contact.emails ?? []) {
    const types = version === '3.0' ? ['internet', ...(EMAIL_TYPES[email.kind] ?? [])] : EMAIL_TYPES[email.kind];
    props.push(['email', typeParam(types, version), 'text', email.address]);
  }
  for (const address of contact.addresses ?? []) {
    const parts = [
      address.poBox,
      '',
      address.street,
      address.city,
      address.province,
      address.postalCode,
      address.country,
    ];
    if (parts.every((p) => !text(p))) continue;
    props.push(['adr', typeParam(ADDRESS_TYPES[address.kind ?? ''], version), 'text', parts.map(text)]);
  }
  if (contact.birthDate) props.push(['bday', {}, 'date', contact.birthDate]);
  if (text(contact.description)) props.push(['note', {}, 'text', text(contact.description)]);
  return `${new ICAL.Component(['vcard', props, []]).toString()}\r\n`;
}
