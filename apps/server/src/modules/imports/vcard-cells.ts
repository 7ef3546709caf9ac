import { normalizeIranianPhone } from '@peyvand/shared';
import { LIST_SEPARATOR } from '../exports/cell-value.js';
import { decodeQuotedPrintable } from './vcard-syntax.js';

/**
 * The columns a vCard becomes: import targets by their path, so the usual mapping, conversion,
 * duplicate check and error report apply. The last column holds the card as it was in the file
 * (maps to no field): the error report shows it, and a card with nothing readable is still a row.
 */
const addressColumns = <P extends string>(prefix: P) =>
  [
    `${prefix}.street`,
    `${prefix}.city`,
    `${prefix}.province`,
    `${prefix}.postalCode`,
    `${prefix}.country`,
    `${prefix}.poBox`,
  ] as const;

export const VCARD_COLUMNS = [
  'firstName',
  'lastName',
  'organizationId',
  'department',
  'title',
  'organizationRole',
  'phones.mobile',
  'phones.work',
  'phones.home',
  'phones.fax',
  'phones.other',
  'emails.work',
  'emails.personal',
  'emails.other',
  ...addressColumns('addresses'),
  ...addressColumns('addresses.home'),
  ...addressColumns('addresses.other'),
  'birthDate',
  'description',
  'vCard',
] as const;
type Column = (typeof VCARD_COLUMNS)[number];

/** A jCard property: name, parameters, value type, then its value(s) as ical.js parsed them. */
export type JCardProperty = [string, Record<string, unknown>, string, ...unknown[]];

const list = (value: unknown): string[] => (value === undefined ? [] : [value].flat().map(String));
const typesOf = (prop: JCardProperty) => new Set(list(prop[1].type).map((t) => t.toLowerCase()));

/** Quoted-printable values (vCard 2.1) decoded in their CHARSET; other values are already text. */
function decoderOf(prop: JCardProperty): (value: string) => string {
  const params = prop[1];
  if (!list(params.encoding).some((e) => /quoted-printable/i.test(e))) return (value) => value;
  const charset = list(params.charset)[0];
  return (value) => decodeQuotedPrintable(value, charset);
}

/** A text property's value; values split on unescaped commas (3.0 NOTE) are joined back. */
const textOf = (prop: JCardProperty) => list(prop.slice(3).flat(2)).map(decoderOf(prop)).join(',').trim();

/** The components of a structured property (N, ADR, ORG); a component of several values joined by `join`. */
function componentsOf(prop: JCardProperty, join: string): string[] {
  const decode = decoderOf(prop);
  const value = prop[3];
  return (Array.isArray(value) ? value : [value ?? '']).map((component) =>
    list(component).map(decode).filter(Boolean).join(join).trim(),
  );
}

function phoneKind(prop: JCardProperty, number: string): string {
  const types = typesOf(prop);
  if (types.has('fax')) return 'fax';
  if (types.has('cell') || types.has('iphone') || types.has('mobile')) return 'mobile';
  if (types.has('work')) return 'work';
  if (types.has('home')) return 'home';
  // Phones often leave the kind out: an Iranian mobile number says what it is.
  if ([...types].every((t) => t === 'pref'))
    return normalizeIranianPhone(number)?.kind === 'mobile' ? 'mobile' : 'other';
  return 'other';
}

function emailKind(prop: JCardProperty): string {
  const types = typesOf(prop);
  if (types.has('work')) return 'work';
  if (types.has('home')) return 'personal';
  return 'other';
}

/** 4.0 writes a phone as a `tel:` URI, possibly with `;ext=`; the number is what the phone field takes. */
const phoneNumberOf = (value: string) => value.replace(/^tel:/i, '').split(';')[0]!.trim();

/** `1990-05-04` as is; a birthday without a year (`--05-04`, or Apple's placeholder year) cannot be stored. */
function birthDateOf(prop: JCardProperty): string {
  const value = textOf(prop);
  const omitYear = list(prop[1]['x-apple-omit-year'])[0];
  if (value.startsWith('--') || (omitYear && value.startsWith(omitYear))) return '';
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
}

const isPreferred = (prop: JCardProperty) => typesOf(prop).has('pref') || prop[1].pref !== undefined;

/**
 * A parsed card's values by column. The preferred (or first) address is the main one; of the
 * others, one marked HOME is the home address and one more the other address (an import fills
 * one address of each kind).
 */
export function cardCells(props: JCardProperty[], source: string): string[] {
  const cells = new Map<Column, string[]>();
  const put = (column: Column, value: string) => {
    if (value.trim() !== '') cells.set(column, [...(cells.get(column) ?? []), value.trim()]);
  };
  const byName = (name: string) => props.filter((p) => p[0] === name);
  const [n] = byName('n');
  const [family = '', given = '', additional = ''] = n ? componentsOf(n, ' ') : [];
  const firstName = [given, additional].filter(Boolean).join(' ');
  put('firstName', firstName);
  put('lastName', family);
  const [fn] = byName('fn');
  // A card with a display name only: the whole name as the last name, where lists sort by it.
  if (!firstName && !family && fn) put('lastName', textOf(fn));
  const [org] = byName('org');
  if (org) {
    const [organization = '', ...units] = componentsOf(org, ' ');
    put('organizationId', organization);
    put('department', units.filter(Boolean).join(' / '));
  }
  for (const prop of byName('title')) put('title', textOf(prop));
  for (const prop of byName('role')) put('organizationRole', textOf(prop));
  for (const prop of byName('tel')) {
    const number = phoneNumberOf(textOf(prop));
    put(`phones.${phoneKind(prop, number)}` as Column, number);
  }
  for (const prop of byName('email')) put(`emails.${emailKind(prop)}` as Column, textOf(prop));
  const putAddress = (prefix: 'addresses' | 'addresses.home' | 'addresses.other', address: JCardProperty) => {
    const [poBox = '', extended = '', street = '', city = '', province = '', postalCode = '', country = ''] =
      componentsOf(address, ', ');
    put(`${prefix}.street`, [street, extended].filter(Boolean).join(', '));
    put(`${prefix}.city`, city);
    put(`${prefix}.province`, province);
    put(`${prefix}.postalCode`, postalCode);
    put(`${prefix}.country`, country);
    put(`${prefix}.poBox`, poBox);
  };
  const addresses = byName('adr');
  const main = addresses.find(isPreferred) ?? addresses[0];
  if (main) putAddress('addresses', main);
  const others = addresses.filter((a) => a !== main);
  const home = others.find((a) => typesOf(a).has('home'));
  if (home) putAddress('addresses.home', home);
  const other = others.find((a) => a !== home);
  if (other) putAddress('addresses.other', other);
  const [bday] = byName('bday');
  if (bday) put('birthDate', birthDateOf(bday));
  const notes = byName('note').map(textOf);
  put('description', notes.join('\n'));
  put('vCard', source);
  return VCARD_COLUMNS.map((column) => (cells.get(column) ?? []).join(LIST_SEPARATOR));
}
