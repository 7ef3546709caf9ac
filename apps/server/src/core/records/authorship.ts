import type { ModuleDef } from '@peyvand/shared';
import type { Actor } from '../auth/principal.js';
import { forbidden } from '../http/problem.js';
import type { RecordRow } from './record-serializer.js';

/**
 * Where records speak for their author (ModuleDef.changedByAuthorOnly: a note), only the user
 * who wrote one, or an administrator, changes, deletes or restores it.
 */
export function assertMayChange(actor: Actor, module: ModuleDef, row: RecordRow): void {
  if (!module.changedByAuthorOnly || actor.role === 'admin') return;
  if (actor.userId !== null && row.created_by === actor.userId) return;
  const { fa, en } = module.label.singular;
  throw forbidden({
    fa: `فقط نویسنده ${fa} یا مدیر سیستم می‌تواند آن را ویرایش یا حذف کند.`,
    en: `Only the author of a ${en.toLowerCase()} or an administrator can change or delete it.`,
  });
}
