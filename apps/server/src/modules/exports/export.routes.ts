import type { FilterNode, Language, ModuleDef } from '@peyvand/shared';
import { filterSchema, modules as declaredModules, safeString } from '@peyvand/shared';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { languageOf } from '../../core/http/problem.js';
import { type RouteSpec, defineRoute } from '../../core/http/route.js';
import { scopeOf } from '../../core/records/records.routes.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import type { ExportCalendar } from './cell-value.js';
import { exportColumns } from './export-columns.js';
import { started } from './export-pages.js';
import { exportRows } from './export-rows.js';
import { csvStream } from './csv-export.js';
import { VCARD_VERSIONS, type VcardVersion } from './vcard-card.js';
import { VCARD_MODULE, vcardPages, vcardStream } from './vcard-export.js';
import { xlsxStream } from './xlsx-export.js';

const TABLE_FORMATS = ['csv', 'xlsx'] as const;
const FORMATS = [...TABLE_FORMATS, 'vcf'] as const;
type ExportFormat = (typeof FORMATS)[number];

/** vCard only where records are people (contacts): any other module answers `format=vcf` with a 400 naming `format`. */
const formatSchema = (vcard: boolean): z.ZodType<ExportFormat, ExportFormat | undefined> =>
  vcard
    ? z
        .enum(FORMATS)
        .default('csv')
        .describe('csv: UTF-8 with BOM; xlsx: one right-to-left sheet; vcf: vCards (filter, sort and q apply)')
    : z.enum(TABLE_FORMATS).default('csv').describe('csv: UTF-8 with BOM; xlsx: one right-to-left sheet');

const commonShape = {
  version: z.enum(VCARD_VERSIONS).default('4.0').describe('vcf only: vCard 4.0 (RFC 6350) or 3.0 (RFC 2426)'),
  sort: safeString(200).optional().describe('As for the list: `lastName`, `-createdAt`…'),
  q: safeString(200).optional().describe('Quick search, as for the list'),
  calendar: z
    .enum(['jalali', 'gregorian'])
    .default('jalali')
    .describe('Dates as Jalali `1403/05/12` (default) or Gregorian ISO `2024-08-02`; times on Tehran clock'),
};

/** A filter tree in a query parameter is JSON text; bad JSON is a 400 naming `filter`. */
const filterParam = safeString(20_000).transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', params: { code: 'invalid_json' } });
    return z.NEVER;
  }
});

const exportQuery = (vcard: boolean) =>
  z.strictObject({
    format: formatSchema(vcard),
    ...commonShape,
    filter: filterParam.pipe(filterSchema).optional().describe('The list view filter tree, as JSON'),
    columns: safeString(2000)
      .transform((s) =>
        s
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      )
      .optional()
      .describe('Comma-separated field names; the list view columns by default'),
  });

const exportBody = (vcard: boolean) =>
  z.strictObject({
    format: formatSchema(vcard),
    ...commonShape,
    filter: filterSchema.optional(),
    columns: z.array(safeString(200)).max(200).optional(),
  });

interface ExportRequest {
  format: ExportFormat;
  filter?: FilterNode | undefined;
  sort?: string | undefined;
  q?: string | undefined;
  columns?: string[] | undefined;
  calendar: ExportCalendar;
  version: VcardVersion;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  vcf: 'text/vcard; charset=utf-8',
};

async function fileStream(scope: RecordScope, language: Language, input: ExportRequest) {
  if (input.format === 'vcf') return vcardStream(await started(vcardPages(scope, input, input.version)));
  const columns = exportColumns(scope.module, input.columns, language);
  const pages = await started(exportRows(scope, input, columns, { language, calendar: input.calendar }));
  const header = columns.map((c) => c.label);
  return input.format === 'xlsx'
    ? xlsxStream(scope.module.def.label.plural[language], header, pages, language === 'fa')
    : csvStream(header, pages);
}

async function sendExport(
  scope: RecordScope,
  acceptLanguage: string | undefined,
  input: ExportRequest,
  reply: FastifyReply,
) {
  const stream = await fileStream(scope, languageOf(acceptLanguage), input);
  const name = `${scope.module.def.name}-${new Date().toISOString().slice(0, 10)}.${input.format}`;
  return reply
    .header('content-type', CONTENT_TYPES[input.format])
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(stream);
}

function moduleExportRoutes(def: ModuleDef): RouteSpec[] {
  const url = `/api/v1/${def.name}/export`;
  const plural = def.label.plural.en.toLowerCase();
  const vcard = def.name === VCARD_MODULE;
  const response = {
    status: 200,
    description: `The ${plural} as a file, streamed`,
    contentType: 'text/csv',
  };
  return [
    defineRoute({
      method: 'GET',
      url,
      access: 'user',
      tags: [def.name],
      summary: `Export ${plural} as CSV or xlsx${vcard ? ' or vCard' : ''}: the list view's filter (JSON), sort and columns`,
      query: exportQuery(vcard),
      response,
      handler: ({ ctx, actor, modules, query, req, reply }) =>
        sendExport(scopeOf(ctx, actor, modules, def.name), req.headers['accept-language'], query, reply),
    }),
    defineRoute({
      method: 'POST',
      url,
      access: 'user',
      tags: [def.name],
      summary: `Export ${plural} with a filter tree in the body (for filters too long for a URL)`,
      body: exportBody(vcard),
      response,
      handler: ({ ctx, actor, modules, body, req, reply }) =>
        sendExport(
          scopeOf(ctx, actor, modules, def.name),
          req.headers['accept-language'],
          { ...body, filter: body.filter as FilterNode | undefined },
          reply,
        ),
    }),
  ];
}

export const exportRoutes: RouteSpec[] = declaredModules.flatMap(moduleExportRoutes);
