import type { FieldDef, ModuleDef } from '@peyvand/shared';
import { fieldTypes, systemFieldsOf } from '@peyvand/shared';
import type { Actor } from '../auth/principal.js';
import type { DB } from '../db/database.js';
import { ProblemError, notFound, validationProblem } from '../http/problem.js';
import { assertAdmin } from '../records/permissions.js';
import { buildSearchText } from '../records/search-text.js';
import { type EffectiveModule, type ModuleSet, effectiveModule } from './effective-module.js';
import {
  bumpMetadataVersion,
  deleteFieldDefinition,
  recordsWithCustomValue,
  saveFieldDefinition,
  setCustomAndSearchText,
} from './field-definitions.repository.js';
import { assertKnownBlock } from './module-layout.js';
import { STANDARD_FIELD_OVERRIDES } from './module-registry.js';
import { optionAttributeIssues } from './option-attributes.js';
import { assertOptionsKept } from './picklist-options.js';

export const MAX_CUSTOM_FIELDS = 200;

/** A field as the metadata API describes it, with what a filter builder needs to know. */
export function describeField(field: FieldDef) {
  const spec = fieldTypes[field.type];
  return {
    ...field,
    custom: field.custom ?? false,
    required: field.required ?? false,
    hidden: field.hidden ?? false,
    filterPath: field.custom ? `custom.${field.name}` : field.name,
    operators: field.writeOnly ? [] : spec.operators,
    sortable: spec.sortable && !field.writeOnly,
    ...(spec.subFields ? { subFields: spec.subFields } : {}),
  };
}

export function describeModule(module: EffectiveModule) {
  const def: ModuleDef = module.def;
  return {
    name: def.name,
    label: def.label,
    group: def.group,
    numberPrefix: def.numberPrefix,
    titleFields: def.titleFields,
    listColumns: def.listColumns,
    blocks: def.blocks,
    relations: def.relations ?? [],
    adminOnlyWrites: def.adminOnlyWrites ?? false,
    changedByAuthorOnly: def.changedByAuthorOnly ?? false,
    findsDuplicates: def.findsDuplicates ?? false,
    systemFields: systemFieldsOf(def).map(describeField),
    fields: def.fields.map(describeField),
  };
}

export function moduleOrNotFound(modules: ModuleSet, name: string): EffectiveModule {
  const module = modules.get(name);
  if (!module) throw notFound({ fa: 'چنین ماژولی وجود ندارد.', en: 'No such module.' });
  return module;
}

export interface CustomFieldInput {
  name: string;
  type: FieldDef['type'];
  label: { fa: string; en: string };
  [key: string]: unknown;
}

function checkDefinition(def: Partial<FieldDef>, prefix = ''): void {
  const issues = [];
  const choice = def.type === 'picklist' || def.type === 'multiPicklist';
  if (choice && (!def.options || def.options.length === 0))
    issues.push({ field: `${prefix}options`, code: 'options_required' });
  if (def.options && new Set(def.options.map((o) => o.value)).size !== def.options.length) {
    issues.push({ field: `${prefix}options`, code: 'duplicate_value' });
  }
  if (def.type === 'reference' && !def.target) issues.push({ field: `${prefix}target`, code: 'required' });
  if (def.min !== undefined && def.max !== undefined && def.min > def.max)
    issues.push({ field: `${prefix}min`, code: 'invalid' });
  // A form never shows a hidden field, so nobody could fill it in.
  if (def.hidden && def.required) issues.push({ field: `${prefix}hidden`, code: 'required_field_hidden' });
  issues.push(...optionAttributeIssues(def, prefix));
  if (issues.length > 0) throw validationProblem(issues);
}

export async function createCustomField(db: DB, actor: Actor, module: EffectiveModule, input: CustomFieldInput) {
  assertAdmin(actor);
  if (module.customFields.has(input.name))
    throw new ProblemError('conflict', undefined, [{ field: 'name', code: 'field_exists' }]);
  if (module.customFields.size >= MAX_CUSTOM_FIELDS)
    throw validationProblem([
      { field: 'name', code: 'too_big', params: { maximum: MAX_CUSTOM_FIELDS, origin: 'array' } },
    ]);
  const { name, ...definition } = input;
  checkDefinition(input as Partial<FieldDef>);
  assertKnownBlock(module.def.blocks, input.block as string | undefined);
  await db.transaction().execute(async (trx) => {
    await saveFieldDefinition(trx, actor.workspaceId, { module: module.def.name, name, isCustom: true, definition });
    await bumpMetadataVersion(trx, actor.workspaceId);
  });
  return describeField({ ...(definition as Omit<FieldDef, 'name'>), name, custom: true });
}

/** Custom fields change freely but for their type; standard fields only in how they are shown. */
export async function changeField(
  db: DB,
  actor: Actor,
  module: EffectiveModule,
  name: string,
  changes: Record<string, unknown>,
) {
  assertAdmin(actor);
  const custom = module.customFields.get(name);
  const standard = module.fields.get(name);
  const current = custom ?? standard;
  if (!current) throw notFound({ fa: 'چنین فیلدی وجود ندارد.', en: 'No such field.' });
  if (changes.type !== undefined && changes.type !== current.type) {
    throw validationProblem([{ field: 'type', code: 'type_change_not_allowed' }]);
  }
  if (!custom) {
    const refused = Object.keys(changes).filter(
      (k) => k !== 'type' && !(STANDARD_FIELD_OVERRIDES as readonly string[]).includes(k),
    );
    if (refused.length > 0) throw validationProblem(refused.map((field) => ({ field, code: 'read_only' })));
    if (changes.options !== undefined && current.type !== 'picklist' && current.type !== 'multiPicklist') {
      throw validationProblem([{ field: 'options', code: 'read_only' }]);
    }
    if (changes.options !== undefined && current.optionsFrom) {
      const { module: home, field } = current.optionsFrom;
      throw validationProblem([{ field: 'options', code: 'options_shared', params: { module: home, field } }]);
    }
  }
  const next = { ...current, ...changes } as FieldDef;
  checkDefinition(next);
  assertKnownBlock(module.def.blocks, changes.block as string | undefined);
  await assertOptionsKept(db, actor.workspaceId, module, current, next);
  const { name: _name, custom: _custom, ...stored } = next;
  const definition = custom
    ? stored
    : Object.fromEntries(STANDARD_FIELD_OVERRIDES.filter((k) => next[k] !== undefined).map((k) => [k, next[k]]));
  await db.transaction().execute(async (trx) => {
    await saveFieldDefinition(trx, actor.workspaceId, {
      module: module.def.name,
      name,
      isCustom: Boolean(custom),
      definition,
    });
    await bumpMetadataVersion(trx, actor.workspaceId);
  });
  return describeField(next);
}

export async function deleteCustomField(db: DB, actor: Actor, module: EffectiveModule, name: string): Promise<void> {
  assertAdmin(actor);
  if (!module.customFields.has(name)) {
    if (module.fields.has(name)) throw validationProblem([{ field: 'name', code: 'read_only' }]);
    throw notFound({ fa: 'چنین فیلدی وجود ندارد.', en: 'No such field.' });
  }
  await db.transaction().execute(async (trx) => {
    await deleteFieldDefinition(trx, actor.workspaceId, module.def.name, name);
    // The values go too, and with them the words they put in each record's search text.
    const remaining = effectiveModule({
      ...module.def,
      fields: module.def.fields.filter((f) => !(f.custom && f.name === name)),
    });
    for (;;) {
      const batch = await recordsWithCustomValue(trx, actor.workspaceId, module.def.name, name, 500);
      if (batch.length === 0) break;
      for (const row of batch) {
        const { [name]: _dropped, ...custom } = row.custom;
        await setCustomAndSearchText(
          trx,
          actor.workspaceId,
          row.id,
          custom,
          buildSearchText(remaining, row.data, custom),
        );
      }
    }
    await bumpMetadataVersion(trx, actor.workspaceId);
  });
}
