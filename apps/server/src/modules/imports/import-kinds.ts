import type { Label } from '@peyvand/shared';

/** The kinds of phone and e-mail and the parts of an address a column can fill, with their labels. */
export const PHONE_KINDS_FOR_IMPORT: [string, Label][] = [
  ['mobile', { fa: 'همراه', en: 'mobile' }],
  ['work', { fa: 'کار', en: 'work' }],
  ['home', { fa: 'منزل', en: 'home' }],
  ['fax', { fa: 'نمابر', en: 'fax' }],
  ['other', { fa: 'دیگر', en: 'other' }],
];

export const EMAIL_KINDS_FOR_IMPORT: [string, Label][] = [
  ['work', { fa: 'کاری', en: 'work' }],
  ['personal', { fa: 'شخصی', en: 'personal' }],
  ['other', { fa: 'دیگر', en: 'other' }],
];

/**
 * Besides the main address, the kinds a row can give an address of its own (Outlook's Home and
 * Other addresses, vtiger's Other, Google's Address 2, a vCard's second ADR).
 */
export const ADDRESS_KINDS_FOR_IMPORT: [string, Label][] = [
  ['home', { fa: 'منزل', en: 'home' }],
  ['other', { fa: 'دیگر', en: 'other' }],
];

export const ADDRESS_PARTS_FOR_IMPORT: [string, Label][] = [
  ['street', { fa: 'خیابان', en: 'street' }],
  ['city', { fa: 'شهر', en: 'city' }],
  ['province', { fa: 'استان', en: 'province' }],
  ['postalCode', { fa: 'کد پستی', en: 'postal code' }],
  ['country', { fa: 'کشور', en: 'country' }],
  ['poBox', { fa: 'صندوق پستی', en: 'PO box' }],
];
