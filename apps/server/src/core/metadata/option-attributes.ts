import type { FieldDef } from '@peyvand/shared';
import { OPTION_ATTRIBUTES } from '@peyvand/shared';
import type { FieldIssue } from '../http/problem.js';

/**
 * Every option of a field that declares option attributes must carry them (a sales stage
 * without a probability could not default a deal's), and no other option may: a probability on
 * a lead source would be stored, shown and never mean anything.
 */
export function optionAttributeIssues(def: Partial<FieldDef>, prefix = ''): FieldIssue[] {
  const declared = new Set(def.optionAttributes ?? []);
  return (def.options ?? []).flatMap((option, index) =>
    OPTION_ATTRIBUTES.flatMap((attribute): FieldIssue[] => {
      const field = `${prefix}options.${index}.${attribute}`;
      const present = option[attribute] !== undefined;
      if (declared.has(attribute) && !present) return [{ field, code: 'required' }];
      if (!declared.has(attribute) && present) return [{ field, code: 'unknown_field' }];
      return [];
    }),
  );
}
