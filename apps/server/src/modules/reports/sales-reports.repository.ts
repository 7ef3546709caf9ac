import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { ReportRange } from './report-range.js';

/*
 * The SQL of the sales reports. Days are Tehran's: an instant is counted on the date a wall
 * clock in Tehran showed, and a range of days is turned into instants the same way so that the
 * created_at indexes serve it.
 */

const TEHRAN = sql.lit('Asia/Tehran');

function createdIn(range: ReportRange): RawBuilder<SqlBool> {
  return sql<SqlBool>`created_at >= (${range.from}::date::timestamp at time zone ${TEHRAN})
    and created_at < ((${range.to}::date + 1)::timestamp at time zone ${TEHRAN})`;
}

/** A lead converted into an opportunity, which is what the conversion rate counts. */
const convertedToOpportunity = sql<SqlBool>`(data @> '{"converted": true}'::jsonb and data ->> 'convertedOpportunityId' is not null)`;

export interface LeadDay {
  day: string;
  leads: number;
  converted: number;
}

/** Leads created on each Tehran day of the range, and how many of them became an opportunity. */
export async function leadsPerDay(db: DB, workspaceId: string, range: ReportRange): Promise<LeadDay[]> {
  const result = await sql<LeadDay>`
    select (created_at at time zone ${TEHRAN})::date::text as day, count(*)::int as leads,
      (count(*) filter (where ${convertedToOpportunity}))::int as converted
    from records
    where workspace_id = ${workspaceId} and module = 'leads' and deleted_at is null and ${createdIn(range)}
    group by 1`.execute(db);
  return result.rows;
}

/** Leads created in the range per value of a picklist (null: not set). `field` is a declared lead field. */
export async function leadsPerValue(
  db: DB,
  workspaceId: string,
  field: 'leadSource' | 'leadStatus',
  range: ReportRange,
): Promise<{ value: string | null; count: number }[]> {
  const result = await sql<{ value: string | null; count: number }>`
    select data ->> ${field} as value, count(*)::int as count
    from records
    where workspace_id = ${workspaceId} and module = 'leads' and deleted_at is null and ${createdIn(range)}
    group by 1`.execute(db);
  return result.rows;
}

export interface OwnerLeads {
  ownerId: string | null;
  ownerGroupId: string | null;
  leads: number;
  converted: number;
}

/** Leads created in the range per owner (a user or a group), and how many became an opportunity. */
export async function leadsPerOwner(db: DB, workspaceId: string, range: ReportRange): Promise<OwnerLeads[]> {
  const result = await sql<OwnerLeads>`
    select owner_id as "ownerId", owner_group_id as "ownerGroupId", count(*)::int as leads,
      (count(*) filter (where ${convertedToOpportunity}))::int as converted
    from records
    where workspace_id = ${workspaceId} and module = 'leads' and deleted_at is null and ${createdIn(range)}
    group by 1, 2
    order by leads desc, 1, 2`.execute(db);
  return result.rows;
}

/** Opportunities closed in a won stage on each day of the range (by `closedOn`), and their amount. */
export async function wonPerDay(
  db: DB,
  workspaceId: string,
  wonStages: string[],
  range: ReportRange,
): Promise<{ day: string; count: number; amount: number }[]> {
  if (wonStages.length === 0) return [];
  const result = await sql<{ day: string; count: number; amount: string }>`
    select data ->> 'closedOn' as day, count(*)::int as count, coalesce(sum((data ->> 'amount')::numeric), 0) as amount
    from records
    where workspace_id = ${workspaceId} and module = 'opportunities' and deleted_at is null
      and data ->> 'stage' = any(${wonStages}::text[])
      and (data ->> 'closedOn') collate "C" between ${range.from} and ${range.to}
    group by 1`.execute(db);
  return result.rows.map((row) => ({ day: row.day, count: row.count, amount: Number(row.amount) }));
}
