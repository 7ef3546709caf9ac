import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import type { DB } from '../src/core/db/database.js';
import type { Database } from '../src/core/db/schema.js';

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * The SQL an operation sends, exactly as the repository builds it, without running it: the
 * operation runs against a Kysely whose driver answers every query with no rows and records
 * what it was asked. The direct-SQL side of the benchmark and EXPLAIN run that very text.
 */
export async function capture(operation: (db: DB) => Promise<unknown>): Promise<CapturedQuery[]> {
  const queries: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      if (event.level === 'query') queries.push(event.query);
    },
  });
  // With no rows, getRecord ends in 404 and the like: the query has been recorded by then.
  await operation(db).catch(() => undefined);
  return queries.map((q) => ({ sql: q.sql, parameters: q.parameters }));
}

/** The first query of an operation, which must send one. */
export async function captureFirst(operation: (db: DB) => Promise<unknown>): Promise<CapturedQuery> {
  const [first] = await capture(operation);
  if (!first) throw new Error('the operation sent no query');
  return first;
}
