import type { FieldDef, Language } from '@peyvand/shared';
import { systemFieldsOf } from '@peyvand/shared';
import { validationProblem } from '../../core/http/problem.js';
import type { EffectiveModule } from '../../core/metadata/effective-module.js';

export interface ExportColumn {
  /** The API path of the value: `lastName`, `custom.region`, `createdAt`. */
  path: string;
  field: FieldDef;
  /** The field's label in the reader's language: the file's header. */
  label: string;
}

/** Only names found in the module's metadata become columns; an unknown one is a 400 naming it. */
export function exportColumns(
  module: EffectiveModule,
  names: string[] | undefined,
  language: Language,
): ExportColumn[] {
  const system = new Map(systemFieldsOf(module.def).map((f) => [f.name, f]));
  const chosen = names && names.length > 0 ? names : module.def.listColumns;
  return chosen.map((path, i) => {
    const field = path.startsWith('custom.')
      ? module.customFields.get(path.slice('custom.'.length))
      : (system.get(path) ?? module.fields.get(path));
    if (!field || field.writeOnly) throw validationProblem([{ field: `columns.${i}`, code: 'unknown_field' }]);
    return { path, field, label: field.label[language] };
  });
}
