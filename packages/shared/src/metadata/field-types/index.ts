import type { FieldType } from '../types.js';
import { addressField, addressListField } from './address.js';
import { booleanField } from './boolean.js';
import { dateField, datetimeField } from './date.js';
import { emailField, emailListField } from './email.js';
import type { FieldTypeSpec } from './field-type.js';
import { economicCodeField, legalNationalIdField, nationalCodeField, postalCodeField } from './identifiers.js';
import { currencyField, numberField, percentField } from './number.js';
import { passwordField } from './password.js';
import { phoneField, phoneListField } from './phone.js';
import { multiPicklistField, picklistField } from './picklist.js';
import { participantsField, recordLinksField } from './record-links.js';
import { recurrenceField } from './recurrence.js';
import { referenceField, referenceListField } from './reference.js';
import { remindersField } from './reminders.js';
import { socialListField } from './social-list.js';
import { tagsField } from './tags.js';
import { longTextField, textField } from './text.js';
import { urlField } from './url.js';

export const fieldTypes: Record<FieldType, FieldTypeSpec> = {
  text: textField,
  longText: longTextField,
  number: numberField,
  currency: currencyField,
  percent: percentField,
  date: dateField,
  datetime: datetimeField,
  boolean: booleanField,
  email: emailField,
  phone: phoneField,
  url: urlField,
  picklist: picklistField,
  multiPicklist: multiPicklistField,
  reference: referenceField,
  referenceList: referenceListField,
  tags: tagsField,
  nationalCode: nationalCodeField,
  legalNationalId: legalNationalIdField,
  economicCode: economicCodeField,
  postalCode: postalCodeField,
  address: addressField,
  addressList: addressListField,
  phoneList: phoneListField,
  emailList: emailListField,
  socialList: socialListField,
  password: passwordField,
  recordLinks: recordLinksField,
  participants: participantsField,
  reminders: remindersField,
  recurrence: recurrenceField,
};

export type { FieldTypeSpec, ScalarKind, StorageShape } from './field-type.js';
export type { StoredPhone } from './phone.js';
export { parseLooseNumber } from './number.js';
export { recordIdSchema } from './reference.js';
export { REMINDER_CHANNELS } from './reminders.js';
export { safeString } from './safe-string.js';
