import { z } from 'zod';
import { ADDRESS_KINDS } from './field-types/address.js';
import { EMAIL_KINDS } from './field-types/email.js';
import { PHONE_KINDS } from './field-types/phone.js';
import { REMINDER_CHANNELS } from './field-types/reminders.js';
import { SOCIAL_NETWORKS } from './field-types/social-list.js';
import type { FieldDef, FieldType, ModuleDef } from './types.js';

const optionValues = (field: FieldDef) => z.enum((field.options ?? []).map((o) => o.value) as [string, ...string[]]);

const address = z.object({
  kind: z.enum(ADDRESS_KINDS),
  street: z.string().nullish(),
  city: z.string().nullish(),
  province: z.string().nullish(),
  postalCode: z.string().nullish(),
  country: z.string().nullish(),
  poBox: z.string().nullish(),
  lat: z.number().nullish(),
  lng: z.number().nullish(),
});

const link = z.object({ module: z.string(), id: z.uuid() });

/** What a stored value of each type looks like in a response (single phones as E.164). */
const outputs: Record<FieldType, (field: FieldDef) => z.ZodType> = {
  text: () => z.string().nullable(),
  longText: () => z.string().nullable(),
  number: () => z.number().nullable(),
  currency: () => z.number().nullable(),
  percent: () => z.number().nullable(),
  date: () => z.iso.date().nullable(),
  datetime: () => z.iso.datetime().nullable(),
  boolean: () => z.boolean(),
  email: () => z.email().nullable(),
  phone: () => z.string().meta({ description: 'E.164, e.g. +989138086200; as typed under `typed`' }).nullable(),
  url: () => z.url().nullable(),
  picklist: (field) => optionValues(field).nullable(),
  multiPicklist: (field) => z.array(optionValues(field)),
  reference: () => z.uuid().nullable(),
  referenceList: () => z.array(z.uuid()),
  tags: () => z.array(z.string()),
  nationalCode: () => z.string().nullable(),
  legalNationalId: () => z.string().nullable(),
  economicCode: () => z.string().nullable(),
  postalCode: () => z.string().nullable(),
  address: () => address.nullable(),
  addressList: () => z.array(address),
  phoneList: () => z.array(z.object({ kind: z.enum(PHONE_KINDS), number: z.string(), typed: z.string() })),
  emailList: () => z.array(z.object({ kind: z.enum(EMAIL_KINDS), address: z.string() })),
  socialList: () => z.array(z.object({ network: z.enum(SOCIAL_NETWORKS), handle: z.string() })),
  password: () => z.never(),
  recordLinks: () => z.array(link),
  participants: () => z.array(link),
  reminders: () => z.array(z.object({ minutesBefore: z.number().int(), channels: z.array(z.enum(REMINDER_CHANNELS)) })),
  recurrence: () => z.string().meta({ description: 'An RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=SA,MO' }).nullable(),
};

/** A record as the API returns it, for the OpenAPI description. */
export function recordOutputSchema(module: ModuleDef): z.ZodType {
  const shape: Record<string, z.ZodType> = {
    id: z.uuid(),
    number: z.string().meta({ examples: [`${module.numberPrefix}-1001`] }),
    version: z.number().int(),
  };
  if (!module.unowned) {
    shape.ownerId = z.uuid().nullable();
    shape.ownerGroupId = z.uuid().nullable();
  }
  const custom: Record<string, z.ZodType> = {};
  for (const field of module.fields) {
    if (field.writeOnly) continue;
    (field.custom ? custom : shape)[field.name] = outputs[field.type](field).meta({
      title: field.label.en,
      description: field.label.fa,
    });
  }
  if (module.fields.some((f) => f.type === 'phone')) shape.typed = z.record(z.string(), z.string()).optional();
  shape.custom = z.object(custom);
  shape.createdAt = z.iso.datetime();
  shape.updatedAt = z.iso.datetime();
  shape.createdBy = z.uuid().nullable();
  shape.updatedBy = z.uuid().nullable();
  shape.deletedAt = z.iso.datetime().optional();
  shape.deletedBy = z.uuid().nullable().optional();
  return z.object(shape);
}

export function pageSchema(item: z.ZodType): z.ZodType {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
