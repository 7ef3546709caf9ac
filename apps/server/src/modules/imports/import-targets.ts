import type { FieldDef, Label } from '@peyvand/shared';
import { normalizeForSearch } from '@peyvand/shared';
import {
  ADDRESS_KINDS_FOR_IMPORT,
  ADDRESS_PARTS_FOR_IMPORT,
  EMAIL_KINDS_FOR_IMPORT,
  PHONE_KINDS_FOR_IMPORT,
} from './import-kinds.js';
import { numberedValueHeaders } from './labelled-columns.js';
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
  /** What the user sees in the mapping step; a header equal to it is the surest match. */
  label: Label;
  /** Other header words that map to it: API names, synonyms. */
  names: string[];
  /** Several columns may fill it (a list: each column adds its values), e.g. Outlook's two business phones. */
  repeatable: boolean;
}

const LIST_TYPES = new Set(['phoneList', 'emailList', 'socialList', 'tags', 'multiPicklist', 'referenceList']);

const UNIMPORTABLE = new Set(['password', 'recordLinks', 'participants', 'reminders']);

/**
 * Common headers of other programs' exports and everyday Persian words. Google Contacts
 * (`Given Name`, `Organization 1 - Name`, `Address 1 - City`; its numbered phone and e-mail
 * columns are matched in importTargets), Outlook (`E-mail Address`, `Business Phone 2`,
 * `Business Street`) and vtiger (`Primary Email`, `Office Phone`, `Mailing City`).
 */
const SYNONYMS: Record<string, string[]> = {
  firstName: ['given name', 'first', 'name first', 'نام کوچک', 'اسم'],
  lastName: ['family name', 'surname', 'last', 'name last', 'نام فامیلی', 'فامیلی', 'نام خانوادگی'],
  title: [
    'job title',
    'designation',
    'organization title',
    'organization 1 title',
    'organization 1 - title',
    'position',
    'سمت شغلی',
    'عنوان شغلی',
  ],
  department: ['organization department', 'organization 1 - department'],
  organizationId: [
    'company',
    'organization',
    'organization name',
    'organization 1 name',
    'organization 1 - name',
    'account name',
    'شرکت',
    'نام شرکت',
    'نام سازمان',
  ],
  birthDate: ['birthday', 'birthdate', 'date of birth', 'تاریخ تولد', 'تولد'],
  description: ['notes', 'note', 'یادداشت', 'توضیحات'],
  nationalCode: ['national id', 'national code', 'کد ملی', 'شماره ملی'],
  contactGroups: ['labels', 'group membership', 'گروه'],
  tags: ['categories', 'برچسب'],
  'emails.work': [
    'email',
    'e-mail',
    'e-mail address',
    'email address',
    'primary email',
    'ایمیل',
    'پست الکترونیک',
    'رایانامه',
  ],
  'emails.personal': ['e-mail 2 address', 'secondary email', 'ایمیل شخصی'],
  'emails.other': ['e-mail 3 address', 'other email'],
  'phones.mobile': ['mobile', 'mobile phone', 'cell', 'cell phone', 'موبایل', 'تلفن همراه', 'شماره همراه', 'همراه'],
  'phones.work': [
    'phone',
    'business phone',
    'business phone 2',
    'company main phone',
    'work phone',
    'office phone',
    'تلفن',
    'تلفن محل کار',
    'تلفن ثابت',
  ],
  'phones.home': ['home phone', 'home phone 2', 'تلفن منزل'],
  'phones.fax': ['fax', 'business fax', 'home fax', 'other fax', 'فکس', 'نمابر'],
  'phones.other': ['other phone', 'primary phone', 'assistant phone'],
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
  'addresses.poBox': ['po box', 'p.o. box', 'business po box', 'address 1 - po box', 'mailing po box', 'صندوق پستی'],
  'addresses.home.street': ['home street', 'home address', 'نشانی منزل', 'آدرس منزل'],
  'addresses.home.city': ['home city', 'شهر منزل'],
  'addresses.home.province': ['home state', 'استان منزل'],
  'addresses.home.postalCode': ['home postal code', 'home zip', 'کد پستی منزل'],
  'addresses.home.country': ['home country/region', 'home country'],
  'addresses.home.poBox': ['home po box'],
  'addresses.other.street': ['other street', 'address 2 - street', 'other address'],
  'addresses.other.city': ['other city', 'address 2 - city'],
  'addresses.other.province': ['other state', 'address 2 - region'],
  'addresses.other.postalCode': ['other postal code', 'other zip', 'address 2 - postal code'],
  'addresses.other.country': ['other country/region', 'other country', 'address 2 - country'],
  'addresses.other.poBox': ['other po box', 'address 2 - po box'],
  ownerId: ['assigned to', 'owner', 'کارشناس'],
  website: ['web page', 'web site', 'website 1 - value', 'وب سایت', 'وبسایت', 'سایت'],
  street: ['address', 'lane', 'mailing street', 'business street'],
  province: ['state', 'region', 'business state', 'mailing state'],
  postalCode: ['zip', 'zip code', 'mailing zip', 'business postal code'],
  poBox: ['po box', 'p.o. box', 'mailing po box'],
  employees: ['number of employees', 'no of employees', 'تعداد کارکنان'],
  name: ['company', 'organization name', 'account name', 'نام شرکت'],
  email: ['e-mail', 'email address', 'e-mail address', 'primary email', 'ایمیل'],
  mobile: ['mobile phone', 'cell', 'موبایل', 'تلفن همراه'],
  phone: ['business phone', 'office phone', 'تلفن'],
};

/** The bare list, its kind read from each row's label column (Google's `Phone 1 - Label`). */
const LABELLED_LISTS: Record<string, { stems: string[]; label: Label }> = {
  phoneList: { stems: ['Phone'], label: { fa: 'نوع از ستون برچسب', en: 'kind from its label column' } },
  emailList: { stems: ['E-mail', 'Email'], label: { fa: 'نوع از ستون برچسب', en: 'kind from its label column' } },
};

/** Headers compared without case, spacing, punctuation, Arabic/Persian letter variants or ZWNJ. */
export const headerKey = (text: string) =>
  normalizeForSearch(text)
    .toLowerCase()
    .replace(/[\s\u200c_\-.:/()#]+/g, '');

export function importTargets(module: EffectiveModule): ImportTarget[] {
  const targets: ImportTarget[] = [];
  const add = (field: FieldDef, custom: boolean, part?: { sub?: string; label: Label }, extraNames: string[] = []) => {
    const path = `${custom ? 'custom.' : ''}${field.name}${part?.sub ? `.${part.sub}` : ''}`;
    const label = part
      ? { fa: `${field.label.fa} (${part.label.fa})`, en: `${field.label.en} (${part.label.en})` }
      : field.label;
    targets.push({
      path,
      field,
      custom,
      label,
      names: [...new Set([field.name, path]), ...(SYNONYMS[path] ?? []), ...extraNames],
      repeatable: LIST_TYPES.has(field.type),
      ...(part?.sub ? { sub: part.sub } : {}),
    });
  };
  for (const field of module.fields.values()) {
    if (field.readOnly || field.writeOnly || UNIMPORTABLE.has(field.type)) continue;
    const kinds =
      field.type === 'phoneList'
        ? PHONE_KINDS_FOR_IMPORT
        : field.type === 'emailList'
          ? EMAIL_KINDS_FOR_IMPORT
          : field.type === 'address' || field.type === 'addressList'
            ? ADDRESS_PARTS_FOR_IMPORT
            : null;
    if (!kinds) add(field, false);
    else for (const [sub, label] of kinds) add(field, false, { sub, label });
    // A list of addresses takes one of each kind: `addresses.city` is the main one's, `addresses.home.city` the home one's.
    if (field.type === 'addressList')
      for (const [kind, kindLabel] of ADDRESS_KINDS_FOR_IMPORT)
        for (const [part, partLabel] of ADDRESS_PARTS_FOR_IMPORT)
          add(field, false, {
            sub: `${kind}.${part}`,
            label: { fa: `${kindLabel.fa} › ${partLabel.fa}`, en: `${kindLabel.en} › ${partLabel.en}` },
          });
    const labelled = LABELLED_LISTS[field.type];
    // `phones` itself: the kind comes from each row's label column, or is the list's default.
    if (labelled) add(field, false, { label: labelled.label }, labelled.stems.flatMap(numberedValueHeaders));
  }
  for (const field of module.customFields.values()) if (!UNIMPORTABLE.has(field.type)) add(field, true);
  if (!module.def.unowned) {
    add({ name: 'ownerId', type: 'reference', target: 'users', label: { fa: 'مسئول', en: 'Assigned to' } }, false);
  }
  return targets;
}

/**
 * Each header to the target it names. A header that is a target's label wins over one that is
 * only an API name or a synonym (Outlook's «Job Title» is the job title, its «Title» a name
 * prefix); among equals the first column wins. A target that holds one value is used once, and a
 * column that matches nothing is left out.
 */
export function autoMapping(header: string[], targets: ImportTarget[]): Record<string, string> {
  const byLabel = new Map<string, string>();
  const byName = new Map<string, string>();
  const remember = (map: Map<string, string>, name: string, path: string) => {
    if (!map.has(headerKey(name))) map.set(headerKey(name), path);
  };
  for (const target of targets) {
    remember(byLabel, target.label.fa, target.path);
    remember(byLabel, target.label.en, target.path);
    for (const name of target.names) remember(byName, name, target.path);
  }
  const repeatable = new Set(targets.filter((t) => t.repeatable).map((t) => t.path));
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  for (const names of [byLabel, byName]) {
    for (const column of header) {
      const path = names.get(headerKey(column));
      if (!column || !path || used.has(path) || column in mapping) continue;
      mapping[column] = path;
      if (!repeatable.has(path)) used.add(path);
    }
  }
  return mapping;
}
