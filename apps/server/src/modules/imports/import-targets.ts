import type { FieldDef } from '@peyvand/shared';
import { normalizeForSearch } from '@peyvand/shared';
import { ADDRESS_PARTS_FOR_IMPORT, PHONE_KINDS_FOR_IMPORT, EMAIL_KINDS_FOR_IMPORT } from './import-kinds.js';
import type { EffectiveModule } from '../../core/metadata/effective-module.js';

/**
 * What a source column can be imported into: a field (`firstName`, `custom.region`), one kind of
 * a list field (`phones.work`, `emails.personal`), a part of an address (`addresses.city`), or the
 * owner (`ownerId`, by e-mail or name).
 */
export interface ImportTarget {
  path: string;
  field: FieldDef;
  /** The kind of phone or e-mail, the part of an address, the social network. */
  sub?: string;
  /** Where the field's value goes in a create body. */
  custom: boolean;
  /** Header words that map to it: labels, API names, synonyms. */
  names: string[];
}

const UNIMPORTABLE = new Set(['password', 'recordLinks', 'participants', 'reminders']);

/** Common headers of other programs' exports (Google, Outlook, vtiger) and everyday Persian words. */
const SYNONYMS: Record<string, string[]> = {
  firstName: ['given name', 'first', 'name first', 'نام کوچک', 'اسم'],
  lastName: ['family name', 'surname', 'last', 'name last', 'نام فامیلی', 'فامیلی', 'نام خانوادگی'],
  title: ['job title', 'organization title', 'organization 1 title', 'position', 'سمت شغلی', 'عنوان شغلی'],
  organizationId: [
    'company',
    'organization',
    'organization name',
    'organization 1 name',
    'account name',
    'شرکت',
    'نام شرکت',
    'نام سازمان',
  ],
  birthDate: ['birthday', 'date of birth', 'تاریخ تولد', 'تولد'],
  description: ['notes', 'note', 'یادداشت', 'توضیحات'],
  nationalCode: ['national id', 'national code', 'کد ملی', 'شماره ملی'],
  'emails.work': [
    'email',
    'e-mail',
    'e-mail address',
    'email address',
    'e-mail 1 - value',
    'primary email',
    'ایمیل',
    'پست الکترونیک',
    'رایانامه',
  ],
  'emails.personal': ['e-mail 2 address', 'e-mail 2 - value', 'secondary email', 'ایمیل شخصی'],
  'emails.other': ['e-mail 3 address', 'e-mail 3 - value', 'other email'],
  'phones.mobile': [
    'mobile',
    'mobile phone',
    'cell',
    'cell phone',
    'phone 1 - value',
    'موبایل',
    'تلفن همراه',
    'شماره همراه',
    'همراه',
  ],
  'phones.work': [
    'phone',
    'business phone',
    'work phone',
    'office phone',
    'phone 2 - value',
    'تلفن',
    'تلفن محل کار',
    'تلفن ثابت',
  ],
  'phones.home': ['home phone', 'تلفن منزل'],
  'phones.fax': ['fax', 'business fax', 'فکس', 'نمابر'],
  'addresses.street': [
    'street',
    'address',
    'business street',
    'address 1 - street',
    'mailing street',
    'نشانی',
    'آدرس',
    'خیابان',
  ],
  'addresses.city': ['city', 'business city', 'address 1 - city', 'mailing city', 'شهر'],
  'addresses.province': [
    'state',
    'province',
    'region',
    'business state',
    'address 1 - region',
    'mailing state',
    'استان',
  ],
  'addresses.postalCode': [
    'postal code',
    'zip',
    'zip code',
    'business postal code',
    'address 1 - postal code',
    'mailing zip',
    'کد پستی',
  ],
  'addresses.country': ['country', 'business country/region', 'address 1 - country', 'mailing country', 'کشور'],
  'addresses.poBox': ['po box', 'p.o. box', 'صندوق پستی'],
  ownerId: ['assigned to', 'owner', 'مسئول', 'کارشناس'],
  website: ['web page', 'web site', 'وب سایت', 'وبسایت', 'سایت'],
  name: ['company', 'organization name', 'account name', 'نام شرکت'],
  email: ['e-mail', 'email address', 'e-mail address', 'ایمیل'],
  mobile: ['mobile phone', 'cell', 'موبایل', 'تلفن همراه'],
  phone: ['business phone', 'office phone', 'تلفن'],
};

/** Headers compared without case, spacing, punctuation, Arabic/Persian letter variants or ZWNJ. */
export const headerKey = (text: string) =>
  normalizeForSearch(text)
    .toLowerCase()
    .replace(/[\s\u200c_\-.:/()#]+/g, '');

export function importTargets(module: EffectiveModule): ImportTarget[] {
  const targets: ImportTarget[] = [];
  const add = (field: FieldDef, custom: boolean, sub?: string, subLabel?: { fa: string; en: string }) => {
    const path = `${custom ? 'custom.' : ''}${field.name}${sub ? `.${sub}` : ''}`;
    const labels = subLabel
      ? [`${field.label.fa} ${subLabel.fa}`, `${field.label.en} ${subLabel.en}`, path]
      : [field.label.fa, field.label.en, field.name, path];
    targets.push({ path, field, custom, names: [...labels, ...(SYNONYMS[path] ?? [])], ...(sub ? { sub } : {}) });
  };
  for (const field of module.fields.values()) {
    if (field.readOnly || field.writeOnly || UNIMPORTABLE.has(field.type)) continue;
    if (field.type === 'phoneList') for (const [kind, label] of PHONE_KINDS_FOR_IMPORT) add(field, false, kind, label);
    else if (field.type === 'emailList')
      for (const [kind, label] of EMAIL_KINDS_FOR_IMPORT) add(field, false, kind, label);
    else if (field.type === 'address' || field.type === 'addressList')
      for (const [part, label] of ADDRESS_PARTS_FOR_IMPORT) add(field, false, part, label);
    else add(field, false);
  }
  for (const field of module.customFields.values()) if (!UNIMPORTABLE.has(field.type)) add(field, true);
  if (!module.def.unowned) {
    const owner: FieldDef = {
      name: 'ownerId',
      type: 'reference',
      target: 'users',
      label: { fa: 'مسئول', en: 'Assigned to' },
    };
    targets.push({
      path: 'ownerId',
      field: owner,
      custom: false,
      names: ['مسئول', 'Assigned to', 'ownerId', ...SYNONYMS.ownerId!],
    });
  }
  return targets;
}

/**
 * Each header to the target whose label, API name or synonym it matches; a target is used once
 * (the first column wins), and a column that matches nothing is left out.
 */
export function autoMapping(header: string[], targets: ImportTarget[]): Record<string, string> {
  const byKey = new Map<string, string>();
  for (const target of targets) {
    for (const name of target.names) if (!byKey.has(headerKey(name))) byKey.set(headerKey(name), target.path);
  }
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  for (const column of header) {
    const path = byKey.get(headerKey(column));
    if (!column || !path || used.has(path) || column in mapping) continue;
    mapping[column] = path;
    used.add(path);
  }
  return mapping;
}
