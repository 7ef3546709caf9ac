import { typesFit } from '@peyvand/shared';
import type { FieldMeta, ModuleMeta } from '../../../core/metadata/types';

const writable = (f: FieldMeta) => !f.readOnly && !f.writeOnly;

/** Lead fields whose values a conversion can copy. */
export const leadSources = (leads: ModuleMeta): FieldMeta[] => leads.fields.filter(writable);

/** The target's fields a lead field fits into; the server refuses any other pairing. */
export function fittingTargets(source: FieldMeta | undefined, target: ModuleMeta): FieldMeta[] {
  if (!source) return [];
  return target.fields.filter((f) => writable(f) && typesFit(source, f));
}
