import type { Actor } from '../../core/auth/principal.js';
import { forbidden } from '../../core/http/problem.js';
import type { RecordRow } from '../../core/records/record-serializer.js';

/** A note speaks for its author (ModuleDef.changedByAuthorOnly): only they, or an administrator, may change or delete it. */
export function assertMayChangeNote(actor: Actor, note: RecordRow): void {
  if (actor.role === 'admin' || (actor.userId !== null && note.created_by === actor.userId)) return;
  throw forbidden({
    fa: 'فقط نویسنده یادداشت یا مدیر سیستم می‌تواند آن را ویرایش یا حذف کند.',
    en: 'Only the author of a note or an administrator can change or delete it.',
  });
}
