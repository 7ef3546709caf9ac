import type { Language } from '@peyvand/shared';
import type { Transaction } from 'kysely';
import type { DB } from '../../core/db/database.js';
import type { Database, NotificationsTable } from '../../core/db/schema.js';

/** All SQL over `notifications`. */

type Executor = DB | Transaction<Database>;

export interface NewNotification {
  kind: NotificationsTable['kind'];
  module: string;
  recordId: string;
  /** What caused it ('reminder:42', 'mention:<note>'): a cause notifies a user once. */
  source: string;
  /** Written in each recipient's own language. */
  title: Record<Language, string>;
  email: boolean;
  /** By the server's clock, like everything reminders judge time by. */
  createdAt: Date;
  /** For reminders: when the occurrence reminded of starts (or falls due). */
  occursAt?: Date;
  /** For reminders: fired well after their time, because no server was running then. */
  late?: boolean;
}

/** Users' chosen languages, Persian for those who chose none. */
async function languagesOf(trx: Executor, workspaceId: string, userIds: string[]): Promise<Map<string, Language>> {
  const rows = await trx
    .selectFrom('records')
    .select([
      'id',
      (eb) =>
        eb
          .ref('data', '->>')
          .key('language' as never)
          .as('language'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('module', '=', 'users')
    .where('id', 'in', userIds)
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.language === 'en' ? 'en' : 'fa']));
}

/** Notifies live users; the insert trigger tells every app server to push it to open browsers. */
export async function notifyUsers(
  trx: Executor,
  workspaceId: string,
  userIds: string[],
  notification: NewNotification,
): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  const languages = await languagesOf(trx, workspaceId, unique);
  if (languages.size === 0) return;
  await trx
    .insertInto('notifications')
    .values(
      [...languages].map(([userId, language]) => ({
        workspace_id: workspaceId,
        user_id: userId,
        kind: notification.kind,
        title: notification.title[language],
        module: notification.module,
        record_id: notification.recordId,
        source: notification.source,
        email_status: notification.email ? ('pending' as const) : null,
        created_at: notification.createdAt,
        occurs_at: notification.occursAt ?? null,
        late: notification.late ?? false,
      })),
    )
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id', 'source']).doNothing())
    .execute();
}

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  module: string;
  record_id: string;
  created_at: Date;
  read_at: Date | null;
  occurs_at: Date | null;
  late: boolean;
}

const COLUMNS = ['id', 'kind', 'title', 'module', 'record_id', 'created_at', 'read_at', 'occurs_at', 'late'] as const;

/** A user's notifications, newest first, after the `beforeId` cursor. */
export async function notificationsOf(
  db: Executor,
  workspaceId: string,
  userId: string,
  page: { limit: number; beforeId?: number; unreadOnly?: boolean },
): Promise<NotificationRow[]> {
  let query = db
    .selectFrom('notifications')
    .select(COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId);
  if (page.beforeId !== undefined) query = query.where('id', '<', String(page.beforeId));
  if (page.unreadOnly) query = query.where('read_at', 'is', null);
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}

/** Marks one of the user's own notifications read; undefined when it is not theirs. */
export async function markRead(
  db: Executor,
  workspaceId: string,
  userId: string,
  id: number,
  now: Date,
): Promise<NotificationRow | undefined> {
  return db
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(now)) }))
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('id', '=', String(id))
    .returning(COLUMNS)
    .executeTakeFirst();
}

/** The user's notifications after `afterId`, oldest first: what a reconnecting stream missed. */
export async function notificationsAfter(
  db: Executor,
  workspaceId: string,
  userId: string,
  afterId: number,
  limit: number,
): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .select(COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('id', '>', String(afterId))
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** One notification, as announced by the insert trigger. */
export async function notificationById(
  db: Executor,
  workspaceId: string,
  id: string,
): Promise<NotificationRow | undefined> {
  return db
    .selectFrom('notifications')
    .select(COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}
