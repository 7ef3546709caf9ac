import type { ModuleHooks } from '../../core/records/module-hooks.js';
import { membersOf, setMembers } from './group-members.repository.js';

/** `memberIds` is not stored on the group: membership lives on each user's `groupIds`. */
export const groupsHooks: ModuleHooks = {
  async beforeWrite(trx, actor, write) {
    const requested = write.data.memberIds as string[] | undefined;
    delete write.data.memberIds;
    if (!('memberIds' in write.input)) return;
    const next = [...(requested ?? [])].sort();
    const before = write.isNew ? [] : ((await membersOf(trx, actor.workspaceId, [write.id])).get(write.id) ?? []);
    write.stash.memberIds = next;
    if (JSON.stringify(before) !== JSON.stringify(next))
      write.extraChanges.push({ field: 'memberIds', from: before, to: next });
  },
  async afterWrite(trx, actor, write) {
    if (Array.isArray(write.stash.memberIds)) await setMembers(trx, actor, write.id, write.stash.memberIds as string[]);
  },
  async decorate(db, workspaceId, records) {
    const members = await membersOf(
      db,
      workspaceId,
      records.map((r) => r.id),
    );
    for (const record of records) record.memberIds = members.get(record.id) ?? [];
  },
};
