import { randomUUID } from 'node:crypto';
import { moduleNameSchema, safeString } from '@peyvand/shared';
import { z } from 'zod';
import type { Actor } from '../../core/auth/principal.js';
import type { AppContext } from '../../core/context.js';
import { validationProblem } from '../../core/http/problem.js';
import { parseInput } from '../../core/http/parse.js';
import type { ModuleSet } from '../../core/metadata/effective-module.js';
import { assertCanWrite } from '../../core/records/permissions.js';
import { VCARD_MODULE } from '../exports/vcard-export.js';
import { scopeOf } from '../../core/records/records.routes.js';
import { matchField } from './duplicate-match.js';
import { importPlan, lookAhead } from './import-plan.js';
import { insertImport } from './imports.repository.js';
import { type ImportFormat, type ImportOptions, withImportTables } from './imports.tables.js';
import { detectFormat, openSource } from './source-rows.js';
import type { Upload } from './upload.js';

const mappingField = safeString(50_000).transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', params: { code: 'invalid_json' } });
    return z.NEVER;
  }
});

const formFields = z.strictObject({
  module: moduleNameSchema,
  mapping: mappingField.pipe(z.record(safeString(500), z.union([safeString(200), z.null()]))).optional(),
  onDuplicate: z.enum(['skip', 'update', 'merge']).default('skip'),
  matchOn: z.enum(['email', 'mobile', 'nationalCode', 'name']).optional(),
  sheet: safeString(200).optional(),
});

/** The form's fields checked, the file opened and its columns mapped: everything a 400 can be about. */
export async function prepareImport(ctx: AppContext, actor: Actor, modules: ModuleSet, upload: Upload) {
  const fields = parseInput(formFields, upload.fields, 'body');
  const scope = scopeOf(ctx, actor, modules, fields.module);
  assertCanWrite(actor, scope.module);
  // Skipping duplicates without a key skips nothing, harmlessly; updating or merging them without
  // one would silently create every row anew.
  if (fields.onDuplicate !== 'skip' && !fields.matchOn)
    throw validationProblem([{ field: 'matchOn', code: 'match_key_required' }]);
  if (fields.matchOn && fields.matchOn !== 'name' && !matchField(scope.module, fields.matchOn))
    throw validationProblem([{ field: 'matchOn', code: 'match_not_available' }]);
  const format = detectFormat(upload.file, upload.fileName);
  if (format === 'vcf' && fields.module !== VCARD_MODULE)
    throw validationProblem([{ field: 'module', code: 'invalid_value', params: { options: VCARD_MODULE } }]);
  const options: ImportOptions = {
    mapping: {},
    onDuplicate: fields.onDuplicate,
    matchOn: fields.matchOn ?? null,
    sheet: fields.sheet ?? null,
  };
  const source = await openSource(upload.file, format, { sheet: options.sheet });
  const given = fields.mapping
    ? Object.fromEntries(Object.entries(fields.mapping).filter((e): e is [string, string] => Boolean(e[1])))
    : null;
  // The preview shows the records rows name that the job will create first, and rows the write path would refuse.
  const plan = importPlan(scope, source.header, given, lookAhead(scope, options));
  options.mapping = plan.mapping;
  return { upload, fields, scope, format, options, source, plan };
}

/** Stores the file and the choices as a queued job; any app server's worker takes it from there. */
export async function queueImport(
  ctx: AppContext,
  actor: Actor,
  job: { upload: Upload; module: string; format: ImportFormat; options: ImportOptions; header: string[] },
): Promise<string> {
  // Mapped automatically to nothing (a given mapping of nothing is refused earlier).
  if (Object.keys(job.options.mapping).length === 0)
    throw validationProblem([{ field: 'mapping', code: 'nothing_mapped' }]);
  const id = randomUUID();
  await insertImport(withImportTables(ctx.database.db), {
    workspaceId: actor.workspaceId,
    id,
    module: job.module,
    fileName: job.upload.fileName.slice(0, 255) || `import.${job.format}`,
    format: job.format,
    file: job.upload.file,
    options: job.options,
    columns: job.header,
    createdBy: actor.userId,
  });
  return id;
}
