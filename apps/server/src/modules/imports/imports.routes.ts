import { moduleNameSchema, recordIdSchema, validationMessage } from '@peyvand/shared';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../core/auth/principal.js';
import type { AppContext } from '../../core/context.js';
import { ProblemError, notFound, requestLanguage } from '../../core/http/problem.js';
import { type RouteSpec, defineRoute, registerRoute } from '../../core/http/route.js';
import { errorReport, fieldLabels, reasonText } from './error-report.js';
import { prepareImport, queueImport } from './import-request.js';
import { importStatus } from './import-status.js';
import { importTargets } from './import-targets.js';
import { importWorkerOf } from './import-worker.js';
import { type ImportState, findImport, recentImports, requestCancel, requestUndo } from './imports.repository.js';
import { type RowReason, withImportTables } from './imports.tables.js';
import { isBlank } from './source-rows.js';
import { readUpload } from './upload.js';

const PREVIEW_ROWS = 20;

const idParams = z.strictObject({ id: recordIdSchema });

const recentQuery = z.strictObject({
  module: moduleNameSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** An import as a request is answered: at the server's time, in the caller's language. */
const statusFor = (ctx: AppContext, req: FastifyRequest, state: ImportState) =>
  importStatus(state, ctx.config.now(), requestLanguage(req));

/** Imports are seen by the user who started them and by admins. */
async function visibleImport(ctx: AppContext, actor: Actor, id: string) {
  const state = await findImport(withImportTables(ctx.database.db), actor.workspaceId, id);
  if (!state || (actor.role !== 'admin' && state.created_by !== actor.userId))
    throw notFound({ fa: 'درون‌ریزی پیدا نشد.', en: 'Import not found.' });
  return state;
}

/** 409 naming the import's status, which does not allow what was asked. */
const wrongState = (code: 'import_not_undoable' | 'import_not_cancellable', status: string) =>
  new ProblemError('conflict', { fa: validationMessage(code, 'fa'), en: validationMessage(code, 'en') }, [
    { field: 'status', code, params: { status } },
  ]);

const FORM_DESCRIPTION =
  'multipart/form-data: `file` (CSV in any delimiter and UTF-8 or Windows-1256, xlsx, or for contacts a vCard ' +
  '2.1/3.0/4.0 .vcf whose cards become rows under columns named by field path), `module`, ' +
  '`mapping` (JSON: column header → field path such as `firstName`, `phones.work`, `addresses.city`, ' +
  '`custom.region`; the header is mapped automatically when absent), `onDuplicate` (skip | update | merge), ' +
  '`matchOn` (email | mobile | nationalCode | name), `sheet` (xlsx: name or 1-based position).';

export const importRoutes: RouteSpec[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/imports',
    access: 'user',
    tags: ['imports'],
    summary: `Start an import; it runs in the background. ${FORM_DESCRIPTION}`,
    response: { status: 202, description: 'The queued import: `{ id, status, … }`' },
    handler: async ({ ctx, actor, modules, req, reply }) => {
      const { upload, fields, format, options, source } = await prepareImport(
        ctx,
        actor,
        modules,
        await readUpload(req, ctx.config.importMaxBytes),
      );
      const id = await queueImport(ctx, actor, {
        upload,
        module: fields.module,
        format,
        options,
        header: source.header,
      });
      const db = withImportTables(ctx.database.db);
      importWorkerOf(ctx)?.wake();
      const state = (await findImport(db, actor.workspaceId, id))!;
      return reply
        .code(202)
        .header('location', `/api/v1/imports/${id}`)
        .send(statusFor(ctx, req, state));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/imports/preview',
    access: 'user',
    tags: ['imports'],
    summary: `The columns found, the proposed mapping and the first rows as they would be stored, with each row's errors and notes (an organization a row names that the import creates first); nothing is written. ${FORM_DESCRIPTION}`,
    response: {
      status: 200,
      description:
        '`{ format, encoding, delimiter, sheet, sheets (xlsx: every sheet, in tab order), columns, mapping, fields, rows }`',
    },
    handler: async ({ ctx, actor, modules, req }) => {
      const { format, source, plan } = await prepareImport(
        ctx,
        actor,
        modules,
        await readUpload(req, ctx.config.importMaxBytes),
      );
      const language = requestLanguage(req);
      const labels = fieldLabels(plan.targets, language);
      const shown = (r: RowReason) => ({
        column: r.column,
        field: r.field,
        code: r.code,
        message: validationMessage(r.code, language, r.params),
        text: reasonText(r, labels, language),
      });
      const rows = [];
      for await (const row of source.rows) {
        if (isBlank(row.cells)) continue;
        const converted = await plan.converter.convert(row.cells);
        rows.push({
          rowNumber: row.number,
          values: converted.reasons.length === 0 ? converted.input : null,
          errors: converted.reasons.map(shown),
          notes: converted.notes.map(shown),
        });
        if (rows.length >= PREVIEW_ROWS) break;
      }
      return {
        format,
        encoding: source.encoding ?? null,
        delimiter: source.delimiter ?? null,
        sheet: source.sheet ?? null,
        sheets: source.sheets ?? null,
        columns: source.header,
        mapping: plan.mapping,
        fields: plan.targets.map((t) => ({
          path: t.path,
          label: t.label[language],
          type: t.field.type,
        })),
        rows,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/imports',
    access: 'user',
    tags: ['imports'],
    summary:
      'The newest imports, of one module when `module` is given (`limit`, 1–100, default 20): an admin sees everyone’s, a user their own',
    query: recentQuery,
    response: { status: 200, description: '`{ data }`: the imports as `GET /api/v1/imports/{id}` shows each' },
    handler: async ({ ctx, actor, query, req }) => {
      const states = await recentImports(withImportTables(ctx.database.db), actor.workspaceId, {
        ...query,
        createdBy: actor.role === 'admin' ? undefined : actor.userId,
      });
      return { data: states.map((state) => statusFor(ctx, req, state)) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/imports/:id',
    access: 'user',
    tags: ['imports'],
    summary:
      'Where an import stands: status, counts (imported + updated + skipped + failed = rows done), progress, rate',
    params: idParams,
    response: { status: 200, description: 'The import' },
    handler: async ({ ctx, actor, params, req }) => statusFor(ctx, req, await visibleImport(ctx, actor, params.id)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/imports/:id/errors',
    access: 'user',
    tags: ['imports'],
    summary:
      'The rows that were not imported, as CSV in the layout of the source plus the row number and the reason: fix and import again',
    params: idParams,
    response: { status: 200, description: 'CSV, UTF-8 with BOM', contentType: 'text/csv' },
    handler: async ({ ctx, actor, modules, params, req, reply }) => {
      const state = await visibleImport(ctx, actor, params.id);
      const language = requestLanguage(req);
      const module = modules.get(state.module);
      if (!module) throw notFound();
      const labels = fieldLabels(importTargets(module), language);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${state.id}-errors.csv"`)
        .header('cache-control', 'no-store')
        .send(errorReport(withImportTables(ctx.database.db), state.id, state.columns, labels, language));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/imports/:id/undo',
    access: 'user',
    tags: ['imports'],
    summary:
      'Take an import back in the background: the records it created go to the recycle bin, the ones it updated get their previous values where nobody changed them since',
    params: idParams,
    response: { status: 202, description: 'The import, now undoing' },
    handler: async ({ ctx, actor, params, req, reply }) => {
      const state = await visibleImport(ctx, actor, params.id);
      const db = withImportTables(ctx.database.db);
      if (!(await requestUndo(db, actor.workspaceId, state.id))) throw wrongState('import_not_undoable', state.status);
      importWorkerOf(ctx)?.wake();
      return reply.code(202).send(statusFor(ctx, req, (await findImport(db, actor.workspaceId, state.id))!));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/imports/:id/cancel',
    access: 'user',
    tags: ['imports'],
    summary:
      'Stop a queued or running import: the batch under way is rolled back, the rows stored before it stay (the counts say how many) and can be undone',
    params: idParams,
    response: { status: 200, description: 'The import, now cancelled' },
    handler: async ({ ctx, actor, params, req }) => {
      const state = await visibleImport(ctx, actor, params.id);
      const db = withImportTables(ctx.database.db);
      if (!(await requestCancel(db, actor.workspaceId, state.id)))
        throw wrongState('import_not_cancellable', state.status);
      return statusFor(ctx, req, (await findImport(db, actor.workspaceId, state.id))!);
    },
  }),
];

/**
 * The import routes in a context of their own, the only one that parses multipart/form-data:
 * every other route keeps answering a form upload with 415.
 */
export async function registerImportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(async (uploads) => {
    await uploads.register(multipart, { limits: { fileSize: ctx.config.importMaxBytes, files: 1, fields: 20 } });
    for (const route of importRoutes) registerRoute(uploads, ctx, route);
  });
}
