import { type ConversionTarget, addDays, firstOpenStage, tehranDateOf } from '@peyvand/shared';
import type { Transaction } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import { ProblemError, notFound, validationProblem } from '../../core/http/problem.js';
import { parseInput } from '../../core/http/parse.js';
import type { LeadConversion } from '../../core/records/module-hooks.js';
import { assertCanWrite } from '../../core/records/permissions.js';
import type { RecordRow } from '../../core/records/record-serializer.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import { writeRecord } from '../../core/records/record-write.js';
import { findRecord, liveIds } from '../../core/records/records.repository.js';
import { createRecordIn } from '../../core/records/records.service.js';
import { allModuleHooks } from '../hooks.js';
import { type ConversionMapping, usableMappings } from './conversion-mapping.js';
import { loadConversionMappings } from './conversion-mapping.repository.js';
import { conversionDefaults } from './lead-conversion-defaults.js';
import { organizationsNamed } from './organization-match.repository.js';

type Values = Record<string, unknown>;

/** The body of POST /leads/{id}/convert, each part parsed by its module's create schema. */
export interface ConversionRequest {
  organization?: false | (Values & { existingId?: string; createNew?: boolean });
  contact?: false | Values;
  opportunity?: false | Values;
  assignTo?: { userId?: string; groupId?: string };
}

/** Seed 004: "expected close date" is asked in the dialog; a month ahead when it is left empty. */
export const DAYS_TO_EXPECTED_CLOSE = 30;

/** What one conversion works with, inside its transaction. */
interface Conversion {
  scope: RecordScope;
  trx: Transaction<Database>;
  lead: RecordRow;
  owner: Values;
  mappings: readonly ConversionMapping[];
  expectedCloseDate: string;
}

/** The day a new opportunity is expected to close when the user does not say. */
const defaultCloseDate = (scope: RecordScope) => addDays(tehranDateOf(scope.now()), DAYS_TO_EXPECTED_CLOSE);

/** Errors of one part name their field under it, e.g. `opportunity.expectedCloseDate`. */
async function underPart<T>(part: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const issues = error.issues.map((issue) => ({ ...issue, field: `${part}.${issue.field}` }));
    throw new ProblemError(error.kind, error.detail, issues, error.headers, error.extensions);
  }
}

async function lockLead(scope: RecordScope, trx: Transaction<Database>, id: string): Promise<RecordRow> {
  const lead = await findRecord(trx, scope.actor.workspaceId, 'leads', id, { forUpdate: true });
  if (!lead) throw notFound();
  if (lead.data.converted !== true) return lead;
  throw new ProblemError(
    'conflict',
    { fa: `سرنخ ${lead.number} پیش‌تر تبدیل شده است.`, en: `Lead ${lead.number} has already been converted.` },
    [{ field: 'converted', code: 'already_converted' }],
    {},
    {
      convertedTo: {
        organizationId: lead.data.convertedOrganizationId ?? null,
        contactId: lead.data.convertedContactId ?? null,
        opportunityId: lead.data.convertedOpportunityId ?? null,
      },
    },
  );
}

/** Who the new records go to: `assignTo` (an active user or a group), else whoever owns the lead. */
async function ownerOf(
  scope: RecordScope,
  trx: Transaction<Database>,
  lead: RecordRow,
  assignTo: ConversionRequest['assignTo'],
): Promise<Values> {
  if (!assignTo) {
    if (lead.owner_id) return { ownerId: lead.owner_id };
    return lead.owner_group_id ? { ownerGroupId: lead.owner_group_id } : {};
  }
  const { userId, groupId } = assignTo;
  if (userId && groupId) throw validationProblem([{ field: 'assignTo.groupId', code: 'one_owner' }]);
  const { workspaceId } = scope.actor;
  if (userId) {
    const user = await findRecord(trx, workspaceId, 'users', userId);
    if (!user) throw validationProblem([{ field: 'assignTo.userId', code: 'reference_not_found' }]);
    if (user.data.active !== true) throw validationProblem([{ field: 'assignTo.userId', code: 'inactive_user' }]);
    return { ownerId: userId };
  }
  if (!groupId) throw validationProblem([{ field: 'assignTo.userId', code: 'required' }]);
  if (!(await liveIds(trx, workspaceId, 'groups', [groupId])).has(groupId)) {
    throw validationProblem([{ field: 'assignTo.groupId', code: 'reference_not_found' }]);
  }
  return { ownerGroupId: groupId };
}

/** The defaults the request does not override, custom values one by one. */
function notGiven(defaults: Values, given: Values): Values {
  const kept = Object.fromEntries(Object.entries(defaults).filter(([key]) => !(key in given)));
  const custom = defaults.custom as Values | undefined;
  if (custom) {
    const givenCustom = (given.custom as Values | undefined) ?? {};
    kept.custom = Object.fromEntries(Object.entries(custom).filter(([key]) => !(key in givenCustom)));
  }
  return kept;
}

/**
 * Creates one record of the conversion from the lead's defaults, its links to the records
 * created before it and what the request says, which wins. The defaults go through the
 * module's create schema here (the request's values already did, in the route).
 */
async function createPart(
  conversion: Conversion,
  part: string,
  target: ConversionTarget,
  given: Values,
  links: Values,
  system: Values = {},
): Promise<string> {
  return underPart(part, async () => {
    const module = conversion.scope.modules.get(target)!;
    const owner = 'ownerId' in given || 'ownerGroupId' in given ? {} : conversion.owner;
    const defaults = {
      ...owner,
      ...links,
      ...conversionDefaults(target, conversion.lead, {
        leads: conversion.scope.modules.get('leads')!,
        mappings: conversion.mappings,
        expectedCloseDate: conversion.expectedCloseDate,
      }),
    };
    const parsed = parseInput(module.schemas.create, notGiven(defaults, given));
    const custom = { ...(parsed.custom as Values | undefined), ...(given.custom as Values | undefined) };
    const input = { ...parsed, ...given, custom, ...system };
    const row = await createRecordIn({ ...conversion.scope, module }, conversion.trx, input);
    return row.id;
  });
}

/** 409 with the candidates when the company exists already, so the user picks one or asks for another. */
async function refuseDuplicate(conversion: Conversion, name: string): Promise<void> {
  const matches = await organizationsNamed(conversion.trx, conversion.scope.actor.workspaceId, name);
  if (matches.length === 0) return;
  throw new ProblemError(
    'conflict',
    {
      fa: `سازمان «${name}» پیش‌تر ثبت شده است. یکی از سازمان‌های موجود را برگزینید یا ساختن سازمان تازه را صریحاً بخواهید.`,
      en: `Organization "${name}" already exists. Choose one of the existing organizations or explicitly ask for a new one.`,
    },
    [{ field: 'organization', code: 'organization_exists', params: { name } }],
    {},
    {
      candidates: matches.map((row) => ({
        module: 'organizations',
        id: row.id,
        number: row.number,
        name: row.data.name,
      })),
    },
  );
}

/** An existing organization (`existingId`), a new one, or none (`false`, or a lead without a company). */
async function resolveOrganization(conversion: Conversion, part: ConversionRequest['organization']) {
  if (part === false) return null;
  const { existingId, createNew, ...given } = part ?? {};
  if (existingId !== undefined) {
    if (Object.keys(given).length > 0 || createNew !== undefined) {
      throw validationProblem([{ field: 'organization.existingId', code: 'existing_id_alone' }]);
    }
    const found = await liveIds(conversion.trx, conversion.scope.actor.workspaceId, 'organizations', [existingId]);
    if (!found.has(existingId))
      throw validationProblem([{ field: 'organization.existingId', code: 'reference_not_found' }]);
    return existingId;
  }
  const name = given.name ?? conversion.lead.data.company;
  if (part === undefined && !name) return null;
  if (!createNew && typeof name === 'string') await refuseDuplicate(conversion, name);
  return createPart(conversion, 'organization', 'organizations', given, {});
}

function hasName(lead: RecordRow): boolean {
  return Boolean(lead.data.firstName || lead.data.lastName);
}

/**
 * Seed 004's conversion, in one transaction: the organization (from the company, or an existing
 * one), the contact in it, the opportunity with both, all assigned as asked; then the lead is
 * marked converted, with links to what it became, and becomes read-only.
 */
export async function convertLead(scope: RecordScope, id: string, request: ConversionRequest): Promise<LeadConversion> {
  assertCanWrite(scope.actor, scope.module);
  return scope.db.transaction().execute(async (trx) => {
    const lead = await lockLead(scope, trx, id);
    const conversion: Conversion = {
      scope,
      trx,
      lead,
      owner: await ownerOf(scope, trx, lead, request.assignTo),
      mappings: usableMappings(scope.modules, await loadConversionMappings(trx, scope.actor.workspaceId)),
      expectedCloseDate: defaultCloseDate(scope),
    };
    const organizationId = await resolveOrganization(conversion, request.organization);
    const makeContact = request.contact !== false && (request.contact !== undefined || hasName(lead));
    const contactId = makeContact
      ? await createPart(conversion, 'contact', 'contacts', request.contact || {}, { organizationId })
      : null;
    const opportunityId =
      request.opportunity === false
        ? null
        : await createPart(
            conversion,
            'opportunity',
            'opportunities',
            request.opportunity ?? {},
            { organizationId, contactId },
            { leadId: lead.id },
          );
    if (!organizationId && !contactId && !opportunityId) {
      throw validationProblem([{ field: 'body', code: 'nothing_to_convert' }]);
    }
    const result: LeadConversion = { leadId: lead.id, organizationId, contactId, opportunityId };
    await writeRecord(
      scope,
      trx,
      {
        converted: true,
        convertedAt: scope.now().toISOString(),
        convertedOrganizationId: organizationId,
        convertedContactId: contactId,
        convertedOpportunityId: opportunityId,
      },
      lead,
    );
    for (const hooks of allModuleHooks()) await hooks.afterLeadConversion?.(trx, scope.actor, result);
    return result;
  });
}

/** What the conversion dialog starts from: each part's values as a conversion would take them, null for a part it would skip. */
export interface ConversionStart {
  organization: Values | null;
  contact: Values | null;
  opportunity: Values;
}

/**
 * The values a conversion of this lead would use if the request said nothing: the same defaults and
 * mapping as `convertLead`, so the dialog shows the user exactly what will be created.
 */
export async function conversionStart(scope: RecordScope, id: string): Promise<ConversionStart> {
  const { db, actor, modules } = scope;
  const lead = await findRecord(db, actor.workspaceId, 'leads', id);
  if (!lead) throw notFound();
  const context = {
    leads: modules.get('leads')!,
    mappings: usableMappings(modules, await loadConversionMappings(db, actor.workspaceId)),
    expectedCloseDate: defaultCloseDate(scope),
  };
  const stage = firstOpenStage(modules.get('opportunities')!.fields.get('stage')?.options ?? [])?.value;
  return {
    organization: lead.data.company ? conversionDefaults('organizations', lead, context) : null,
    contact: hasName(lead) ? conversionDefaults('contacts', lead, context) : null,
    opportunity: { ...(stage ? { stage } : {}), ...conversionDefaults('opportunities', lead, context) },
  };
}
