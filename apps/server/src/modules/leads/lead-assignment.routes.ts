import { recordIdSchema } from '@peyvand/shared';
import { z } from 'zod';
import { type RouteSpec, defineRoute } from '../../core/http/route.js';
import { changeAssignmentRule, describeAssignmentRule } from './lead-assignment.service.js';

const ruleSchema = z.object({
  enabled: z.boolean().meta({ description: 'Whether new leads are handed out (never while the group is deleted)' }),
  groupId: z.uuid().nullable(),
  members: z.array(z.uuid()).meta({ description: "The group's active members, in turn order (by id)" }),
  nextUserId: z.uuid().nullable().meta({ description: 'Who gets the next lead created without an owner' }),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.uuid().nullable(),
});

const changeSchema = z.strictObject({
  enabled: z.boolean(),
  groupId: recordIdSchema
    .nullable()
    .optional()
    .meta({ description: 'The group whose active members take turns; omitted, the group the rule already has' }),
});

export const leadAssignmentRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/leads/assignment-rule',
    access: 'user',
    tags: ['leads'],
    summary: 'The round-robin rule for new leads: the group whose members take turns, and whose turn is next',
    response: { status: 200, description: 'The rule', schema: ruleSchema },
    handler: ({ ctx, actor }) => describeAssignmentRule(ctx.database.db, actor.workspaceId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/leads/assignment-rule',
    access: 'admin',
    tags: ['leads'],
    summary:
      'Turn round-robin on or off. While on, every lead created without ownerId or ownerGroupId (web app, API, import) goes to the next active member of the group, in id order, inactive users skipped; a group with no active member gets the lead itself. Turns are taken in the database, so several app servers never give the same turn twice.',
    body: changeSchema,
    response: { status: 200, description: 'The rule as it now stands', schema: ruleSchema },
    handler: ({ ctx, actor, body }) => changeAssignmentRule(ctx.database.db, actor, body),
  }),
];
