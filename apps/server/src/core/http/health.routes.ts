import { sql } from 'kysely';
import { ProblemError } from './problem.js';
import { type RouteSpec, defineRoute } from './route.js';

export const healthRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/healthz',
    access: 'public',
    tags: ['health'],
    summary: 'The process is alive',
    handler: async () => ({ status: 'ok' }),
  }),
  defineRoute({
    method: 'GET',
    url: '/readyz',
    access: 'public',
    tags: ['health'],
    summary: 'The database answers: send traffic here',
    handler: async ({ ctx }) => {
      try {
        await sql`select 1`.execute(ctx.database.db);
      } catch {
        throw new ProblemError('not-ready', { fa: 'پایگاه داده در دسترس نیست.', en: 'The database is unavailable.' });
      }
      return { status: 'ready', database: ctx.database.kind };
    },
  }),
];
