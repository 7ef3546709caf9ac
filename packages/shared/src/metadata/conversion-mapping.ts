import type { FieldDef, FieldType } from './types.js';

/** The modules a lead conversion creates, which a lead field can be mapped into. */
export const CONVERSION_TARGETS = ['organizations', 'contacts', 'opportunities'] as const;
export type ConversionTarget = (typeof CONVERSION_TARGETS)[number];

/**
 * Which types a value of each type can be copied into unchanged: the same type, a wider text,
 * or a number of another unit. Anything else would be refused or silently mangled at conversion.
 */
const COPIES_INTO: Partial<Record<FieldType, readonly FieldType[]>> = {
  text: ['text', 'longText'],
  longText: ['longText'],
  email: ['email', 'text', 'longText'],
  url: ['url', 'text', 'longText'],
  phone: ['phone', 'text', 'longText'],
  nationalCode: ['nationalCode', 'text'],
  postalCode: ['postalCode', 'text'],
  number: ['number', 'currency'],
  currency: ['currency', 'number'],
  percent: ['percent', 'number'],
  date: ['date'],
  datetime: ['datetime'],
  boolean: ['boolean'],
  picklist: ['picklist'],
  multiPicklist: ['multiPicklist'],
  tags: ['tags'],
  reference: ['reference'],
};

type Mappable = Pick<FieldDef, 'type' | 'target' | 'options'>;

/** Whether a lead field's values fit a target field's type (and reference target). */
export function typesFit(source: Mappable, target: Mappable): boolean {
  return Boolean(COPIES_INTO[source.type]?.includes(target.type)) && source.target === target.target;
}

/** A source picklist's values the target does not offer: each would fail the conversion of a lead that has it. */
export function optionsMissing(source: Mappable, target: Mappable): string[] {
  const offered = new Set((target.options ?? []).map((o) => o.value));
  return (source.options ?? []).map((o) => o.value).filter((value) => !offered.has(value));
}
