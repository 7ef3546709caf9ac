import { type ConversionTarget, type FieldDef, optionsMissing, typesFit } from '@peyvand/shared';
import { type FieldIssue, ProblemError, validationProblem } from '../../core/http/problem.js';
import type { EffectiveModule, ModuleSet } from '../../core/metadata/effective-module.js';

/** An admin's rule: this lead field is copied into that field of the record the conversion creates. */
export interface ConversionMapping {
  leadField: string;
  targetModule: ConversionTarget;
  targetField: string;
}

/** The field a mapping names the way filters do: `custom.budget` for a custom field, `rating` for a standard one. */
export function fieldAt(module: EffectiveModule, path: string): FieldDef | undefined {
  return path.startsWith('custom.') ? module.customFields.get(path.slice(7)) : module.fields.get(path);
}

/** Why a lead field's values cannot go into the target field, or undefined if they can. */
function incompatibility(source: FieldDef, target: FieldDef, at: string, mapping: ConversionMapping) {
  const pair = { leadField: mapping.leadField, targetField: `${mapping.targetModule}.${mapping.targetField}` };
  if (!typesFit(source, target)) {
    return {
      field: at,
      code: 'incompatible_field_types',
      params: { ...pair, leadType: source.type, targetType: target.type },
    };
  }
  // A picklist value the target does not offer would fail the conversion of every lead that has it.
  const missing = optionsMissing(source, target);
  if (missing.length > 0) {
    return { field: at, code: 'options_missing_in_target', params: { ...pair, values: missing.join(', ') } };
  }
  return undefined;
}

interface MappingCheck {
  /** Names that do not resolve to a writable field, or a target named twice: bad input (400). */
  invalid: FieldIssue[];
  /** Fields that exist but whose types do not fit (422). */
  incompatible: FieldIssue[];
}

function checkEach(modules: ModuleSet, mappings: readonly ConversionMapping[]): MappingCheck[] {
  const leads = modules.get('leads')!;
  const targets = new Set<string>();
  return mappings.map((mapping, index) => {
    const at = `mappings.${index}`;
    const check: MappingCheck = { invalid: [], incompatible: [] };
    const source = fieldAt(leads, mapping.leadField);
    const target = fieldAt(modules.get(mapping.targetModule)!, mapping.targetField);
    if (!source || source.writeOnly) check.invalid.push({ field: `${at}.leadField`, code: 'unknown_field' });
    if (!target) check.invalid.push({ field: `${at}.targetField`, code: 'unknown_field' });
    else if (target.readOnly) check.invalid.push({ field: `${at}.targetField`, code: 'read_only' });
    const key = `${mapping.targetModule}.${mapping.targetField}`;
    if (targets.has(key)) check.invalid.push({ field: `${at}.targetField`, code: 'listed_twice' });
    targets.add(key);
    const problem = source && target && check.invalid.length === 0 && incompatibility(source, target, at, mapping);
    if (problem) check.incompatible.push(problem);
    return check;
  });
}

/** Refuses a mapping an admin is saving: unknown fields first (400), then types that do not fit (422). */
export function assertMappingsValid(modules: ModuleSet, mappings: readonly ConversionMapping[]): void {
  const checks = checkEach(modules, mappings);
  const invalid = checks.flatMap((c) => c.invalid);
  if (invalid.length > 0) throw validationProblem(invalid);
  const incompatible = checks.flatMap((c) => c.incompatible);
  if (incompatible.length > 0) throw new ProblemError('unprocessable', undefined, incompatible);
}

/** The saved mappings that still hold: a custom field deleted or retyped since drops out of them. */
export function usableMappings(modules: ModuleSet, mappings: readonly ConversionMapping[]): ConversionMapping[] {
  const checks = checkEach(modules, mappings);
  return mappings.filter((_, i) => checks[i]!.invalid.length === 0 && checks[i]!.incompatible.length === 0);
}
