import type { ConversionTarget, StoredPhone } from '@peyvand/shared';
import { isEmptyValue } from '@peyvand/shared';
import type { EffectiveModule } from '../../core/metadata/effective-module.js';
import type { RecordRow } from '../../core/records/record-serializer.js';
import { type ConversionMapping, fieldAt } from './conversion-mapping.js';
import { storedAsInput } from './stored-as-input.js';

/*
 * What seed 004's conversion dialog fills in from the lead, as input values (what a client would
 * send): each record is then validated by its own module's create schema like any other.
 */

type Values = Record<string, unknown>;

const typed = (phone: unknown) => (phone ? (phone as StoredPhone).typed : undefined);

function withValues(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => !isEmptyValue(value)));
}

function address(lead: Values, kind: string): Values | undefined {
  const parts = withValues({
    street: lead.street,
    city: lead.city,
    province: lead.province,
    postalCode: lead.postalCode,
    country: lead.country,
    poBox: lead.poBox,
  });
  return Object.keys(parts).length > 0 ? { kind, ...parts } : undefined;
}

/** The company the lead works for: its name, industry, switchboard, web site, size and address. */
function organizationFrom(lead: Values): Values {
  return {
    name: lead.company,
    industry: lead.industry,
    phone: typed(lead.phone),
    fax: typed(lead.fax),
    website: lead.website,
    employees: lead.employees,
    annualRevenue: lead.annualRevenue,
    rating: lead.rating,
    billingAddress: address(lead, 'billing'),
  };
}

/** The person: names, job title, every way to reach them, national code and how we met them. */
function contactFrom(lead: Values): Values {
  const phones = [
    lead.phone && { kind: 'work', number: typed(lead.phone) },
    lead.mobile && { kind: 'mobile', number: typed(lead.mobile) },
    lead.fax && { kind: 'fax', number: typed(lead.fax) },
  ].filter(Boolean);
  const main = address(lead, 'main');
  return {
    salutation: lead.salutation,
    firstName: lead.firstName,
    lastName: lead.lastName,
    title: lead.title,
    nationalCode: lead.nationalCode,
    phones,
    emails: lead.email ? [{ kind: 'work', address: lead.email }] : undefined,
    socials: lead.telegramId ? [{ network: 'telegram', handle: lead.telegramId }] : undefined,
    addresses: main ? [main] : undefined,
    leadSource: lead.leadSource,
    emailOptOut: lead.emailOptOut,
    description: lead.description,
  };
}

/** The deal: named after the company (or the person), due `expectedCloseDate` unless the user says otherwise. */
function opportunityFrom(lead: Values, expectedCloseDate: string): Values {
  const person = [lead.firstName, lead.lastName].filter(Boolean).join(' ');
  return { name: lead.company || person, leadSource: lead.leadSource, expectedCloseDate };
}

/** The admin's mapping for one target: lead values copied as input, custom ones under `custom`. */
function mappedValues(
  leads: EffectiveModule,
  lead: RecordRow,
  mappings: readonly ConversionMapping[],
  target: ConversionTarget,
): Values {
  const values: Values = {};
  const custom: Values = {};
  for (const mapping of mappings) {
    if (mapping.targetModule !== target) continue;
    const source = fieldAt(leads, mapping.leadField)!;
    const value = source.custom ? lead.custom[source.name] : lead.data[source.name];
    if (isEmptyValue(value)) continue;
    const input = storedAsInput(source.type, value);
    if (mapping.targetField.startsWith('custom.')) custom[mapping.targetField.slice(7)] = input;
    else values[mapping.targetField] = input;
  }
  return Object.keys(custom).length > 0 ? { ...values, custom } : values;
}

/** A conversion's starting values for `target`: the built-in ones, then the admin's mapping over them. */
export function conversionDefaults(
  target: ConversionTarget,
  lead: RecordRow,
  context: { leads: EffectiveModule; mappings: readonly ConversionMapping[]; expectedCloseDate: string },
): Values {
  const builtIn =
    target === 'organizations'
      ? organizationFrom(lead.data)
      : target === 'contacts'
        ? contactFrom(lead.data)
        : opportunityFrom(lead.data, context.expectedCloseDate);
  return { ...withValues(builtIn), ...mappedValues(context.leads, lead, context.mappings, target) };
}
