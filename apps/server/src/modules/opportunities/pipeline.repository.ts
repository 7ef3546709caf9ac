import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../core/db/database.js';

export interface StageSums {
  stage: string | null;
  count: number;
  amount: number;
  /** Σ amount × probability / 100, each deal's own probability or else its stage's. */
  weightedAmount: number;
}

/**
 * Count, amount and weighted amount of the live opportunities matching `where`, per stage.
 * `stageProbabilities` stands in for deals whose own probability was cleared.
 */
export async function sumsByStage(
  db: DB,
  workspaceId: string,
  where: RawBuilder<SqlBool>[],
  stageProbabilities: Record<string, number>,
): Promise<StageSums[]> {
  const amount = sql`(data ->> 'amount')::numeric`;
  const probability = sql`coalesce((data ->> 'probability')::numeric, (${JSON.stringify(stageProbabilities)}::jsonb ->> (data ->> 'stage'))::numeric, 0)`;
  const conditions = where.length > 0 ? sql` and ${sql.join(where, sql` and `)}` : sql``;
  const result = await sql<{ stage: string | null; count: number; amount: string; weighted: string }>`
    select data ->> 'stage' as stage, count(*)::int as count,
      coalesce(sum(${amount}), 0) as amount,
      coalesce(sum(${amount} * ${probability} / 100), 0) as weighted
    from records
    where workspace_id = ${workspaceId} and module = 'opportunities' and deleted_at is null${conditions}
    group by data ->> 'stage'`.execute(db);
  return result.rows.map((row) => ({
    stage: row.stage,
    count: row.count,
    amount: Number(row.amount),
    weightedAmount: Number(row.weighted),
  }));
}
