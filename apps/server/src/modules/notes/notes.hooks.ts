import { validationProblem } from '../../core/http/problem.js';
import type { ModuleHooks } from '../../core/records/module-hooks.js';
import { type RecordLink, linkIssues } from '../activities/record-links.js';
import { notifyUsers } from '../notifications/notifications.repository.js';
import { followConvertedLead } from '../activities/converted-lead-links.js';

const excerpt = (body: unknown) => {
  const text = String(body ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

/** Notes link to live records; those they mention hear of it once, when first mentioned. */
export const notesHooks: ModuleHooks = {
  afterLeadConversion: followConvertedLead('notes'),
  async beforeWrite(trx, actor, write) {
    const issues = await linkIssues(trx, actor.workspaceId, 'links', write.data.links as RecordLink[] | undefined);
    if (issues.length > 0) throw validationProblem(issues);
  },
  async afterWrite(trx, actor, write) {
    const before = new Set((write.previous?.data.mentions as string[] | undefined) ?? []);
    const added = ((write.data.mentions as string[] | undefined) ?? []).filter(
      (id) => !before.has(id) && id !== actor.userId,
    );
    const text = excerpt(write.data.body);
    await notifyUsers(trx, actor.workspaceId, added, {
      kind: 'mention',
      module: 'notes',
      recordId: write.id,
      source: `mention:${write.id}`,
      title: { fa: `از شما در یک یادداشت نام برده شد: ${text}`, en: `You were mentioned in a note: ${text}` },
      email: false,
      createdAt: write.at,
    });
  },
};
