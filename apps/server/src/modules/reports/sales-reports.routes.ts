import { z } from 'zod';
import { type RouteSpec, defineRoute } from '../../core/http/route.js';
import { pipelineQuery, pipelineSchema, readPipeline } from '../opportunities/pipeline.routes.js';
import { PERIOD_KINDS } from './jalali-periods.js';
import { periodQuery, rangeQuery, reportRange } from './report-range.js';
import {
  conversionByOwnerReport,
  leadConversionReport,
  leadsByPicklistReport,
  newLeadsReport,
  wonAmountReport,
} from './sales-reports.service.js';

const base = '/api/v1/reports/sales';
const tags = ['reports'];
const label = z.object({ fa: z.string(), en: z.string() });
const range = { from: z.iso.date(), to: z.iso.date() };
const period = { key: z.string(), label, start: z.iso.date(), end: z.iso.date() };
const periodic = (sums: Record<string, z.ZodType>, extra: Record<string, z.ZodType> = {}) =>
  z.object({ period: z.enum(PERIOD_KINDS), ...range, data: z.array(z.object({ ...period, ...sums })), ...extra });
const conversion = { leads: z.number().int(), converted: z.number().int(), rate: z.number().min(0).max(1) };
const byValue = z.object({
  ...range,
  field: z.string(),
  data: z.array(z.object({ value: z.string().nullable(), label, count: z.number().int() })),
});

const JALALI =
  'Days are Tehran calendar days; the range grows to whole Jalali months (or Saturday-to-Friday weeks) and every period is listed, empty ones with zeros.';

export const salesReportRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: `${base}/new-leads`,
    access: 'user',
    tags,
    summary: `New leads per Jalali month or week (by creation). ${JALALI}`,
    query: periodQuery,
    response: { status: 200, description: 'Leads per period', schema: periodic({ count: z.number().int() }) },
    handler: ({ ctx, actor, query }) =>
      newLeadsReport(ctx.database.db, actor.workspaceId, reportRange(query, ctx.config.now()), query.period),
  }),
  ...(['leadSource', 'leadStatus'] as const).map((field) =>
    defineRoute({
      method: 'GET',
      url: `${base}/${field === 'leadSource' ? 'leads-by-source' : 'leads-by-status'}`,
      access: 'user',
      tags,
      summary: `Leads created in the range per ${field === 'leadSource' ? 'lead source' : 'lead status'} (converted leads included): every option in the admin's order, then leads without one (\`value: null\`)`,
      query: rangeQuery,
      response: { status: 200, description: 'Leads per value', schema: byValue },
      handler: ({ ctx, actor, modules, query }) =>
        leadsByPicklistReport(
          ctx.database.db,
          actor.workspaceId,
          modules.get('leads')!,
          field,
          reportRange(query, ctx.config.now()),
        ),
    }),
  ),
  defineRoute({
    method: 'GET',
    url: `${base}/lead-conversion`,
    access: 'user',
    tags,
    summary: `Lead → opportunity conversion rate per Jalali month or week: of the leads created in each period, how many have been converted into an opportunity. ${JALALI}`,
    query: periodQuery,
    response: {
      status: 200,
      description: 'Leads, converted leads and their rate per period, with totals',
      schema: periodic(conversion, { totals: z.object(conversion) }),
    },
    handler: ({ ctx, actor, query }) =>
      leadConversionReport(ctx.database.db, actor.workspaceId, reportRange(query, ctx.config.now()), query.period),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/lead-conversion-by-owner`,
    access: 'user',
    tags,
    summary:
      'Lead → opportunity conversion rate per owner (user or group) of the leads created in the range, most leads first',
    query: rangeQuery,
    response: {
      status: 200,
      description: 'Leads, converted leads and their rate per owner',
      schema: z.object({
        ...range,
        data: z.array(z.object({ ownerId: z.uuid().nullable(), ownerGroupId: z.uuid().nullable(), ...conversion })),
      }),
    },
    handler: ({ ctx, actor, query }) =>
      conversionByOwnerReport(ctx.database.db, actor.workspaceId, reportRange(query, ctx.config.now())),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/pipeline-by-stage`,
    access: 'user',
    tags,
    summary: 'Pipeline value by sales stage: the pipeline board’s figures (GET /api/v1/opportunities/pipeline)',
    query: pipelineQuery,
    response: { status: 200, description: 'Count, amount and weighted amount per stage', schema: pipelineSchema },
    handler: readPipeline,
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/won-amount`,
    access: 'user',
    tags,
    summary: `Opportunities won per Jalali month (or week) by the day they closed (\`closedOn\`), with their amount. ${JALALI}`,
    query: periodQuery,
    response: {
      status: 200,
      description: 'Won deals and amount per period',
      schema: periodic({ count: z.number().int(), amount: z.number() }),
    },
    handler: ({ ctx, actor, modules, query }) =>
      wonAmountReport(
        ctx.database.db,
        actor.workspaceId,
        modules.get('opportunities')!,
        reportRange(query, ctx.config.now()),
        query.period,
      ),
  }),
];
