import { parseLooseNumber, recordIdSchema } from '@peyvand/shared';
import { z } from 'zod';
import { notFound, validationProblem } from '../../core/http/problem.js';
import { type RouteSpec, defineRoute } from '../../core/http/route.js';
import { scopeOf } from '../../core/records/records.routes.js';
import { agendaOf } from './agenda.service.js';
import { activitiesInRange } from './calendar.repository.js';
import { calendarEntries, calendarOwners } from './calendar.service.js';
import { feedOwner, feedTokenOf, rotateFeedToken } from './calendar-feed-tokens.repository.js';
import { activitiesCalendar } from './icalendar.js';

const MAX_RANGE_DAYS = 366;
const DAY = 86_400_000;

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

const calendarQuery = z.strictObject({
  from: instant,
  to: instant,
  userId: recordIdSchema.optional(),
  groupId: recordIdSchema.optional(),
});

function checkRange(query: z.infer<typeof calendarQuery>) {
  if (query.to <= query.from) throw validationProblem([{ field: 'to', code: 'ends_before_start' }]);
  if (query.to.getTime() - query.from.getTime() > MAX_RANGE_DAYS * DAY) {
    throw validationProblem([{ field: 'to', code: 'range_too_long', params: { days: MAX_RANGE_DAYS } }]);
  }
  if (query.userId && query.groupId) throw validationProblem([{ field: 'groupId', code: 'one_owner' }]);
}

const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;
/** What the feed covers: the recent past and everything ahead. */
const FEED_PAST_DAYS = 90;
const FEED_END = new Date('9999-12-31T00:00:00Z');

function feedUrl(req: { protocol: string; host: string }, token: string): string {
  return `${req.protocol}://${req.host}/api/v1/calendar-feed/${token}.ics`;
}

const AGENDA_MAX_DAYS = 31;
const agendaQuery = z.strictObject({
  days: z
    .union([z.number(), z.string()])
    .transform(parseLooseNumber)
    .pipe(z.number().int().min(1).max(AGENDA_MAX_DAYS))
    .default(7),
});

export const calendarRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/agenda',
    access: 'user',
    tags: ['calendar'],
    summary:
      `My dashboard: \`upcoming\` open activities of the next \`days\` (default 7, at most ${AGENDA_MAX_DAYS}), ` +
      '`overdue` ones (started or due before now, and not yet held, done, cancelled or marked not held) and `todaysCalls` ' +
      '(the Tehran day), each an occurrence with its activity',
    query: agendaQuery,
    response: { status: 200, description: 'Three lists in time order' },
    handler: async ({ ctx, actor, modules, query }) =>
      agendaOf(scopeOf(ctx, actor, modules, 'activities'), actor.userId!, query.days),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calendar',
    access: 'user',
    tags: ['calendar'],
    summary: `Activities between \`from\` and \`to\` (at most ${MAX_RANGE_DAYS} days) for me, a user or a group; series expanded`,
    query: calendarQuery,
    response: { status: 200, description: 'Occurrences in time order, each with its activity' },
    handler: async ({ ctx, actor, modules, query }) => {
      checkRange(query);
      const scope = scopeOf(ctx, actor, modules, 'activities');
      const owners = await calendarOwners(scope, query);
      return { data: await calendarEntries(scope, owners, query.from, query.to) };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/me/calendar-feed',
    access: 'user',
    tags: ['calendar'],
    summary: 'My secret iCalendar URL for calendar apps: the same one every time, until I rotate it',
    response: { status: 200, description: 'The feed URL', schema: z.object({ url: z.url() }) },
    handler: async ({ ctx, actor, req }) => ({
      url: feedUrl(req, await feedTokenOf(ctx.database.db, actor.workspaceId, actor.userId!)),
    }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/me/calendar-feed/rotate',
    access: 'user',
    tags: ['calendar'],
    summary: 'Replace my calendar feed URL: the old one stops working (404) at once',
    response: { status: 200, description: 'The new feed URL', schema: z.object({ url: z.url() }) },
    handler: async ({ ctx, actor, req }) => ({
      url: feedUrl(req, await rotateFeedToken(ctx.database.db, actor.workspaceId, actor.userId!)),
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/calendar-feed/:file',
    access: 'public',
    tags: ['calendar'],
    summary:
      'A user’s activities as iCalendar (text/calendar, times in Asia/Tehran); the secret in the URL is the credential',
    params: z.strictObject({ file: z.string().regex(FEED_FILE) }),
    response: { status: 200, description: 'iCalendar document', contentType: 'text/calendar' },
    handler: async ({ ctx, params, reply }) => {
      const owner = await feedOwner(ctx.database.db, FEED_FILE.exec(params.file)![1]!);
      if (!owner) throw notFound({ fa: 'این نشانی تقویم معتبر نیست.', en: 'This calendar URL is not valid.' });
      const now = ctx.config.now();
      const from = new Date(now.getTime() - FEED_PAST_DAYS * DAY);
      const rows = await activitiesInRange(
        ctx.database.db,
        owner.workspaceId,
        { userIds: [owner.userId] },
        from,
        FEED_END,
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(activitiesCalendar('Peyvand', rows));
    },
  }),
];
