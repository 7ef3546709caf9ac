import type { Actor } from '../auth/principal.js';
import { forbidden } from '../http/problem.js';
import type { EffectiveModule } from '../metadata/effective-module.js';

/**
 * Checked by the record service itself, whichever route or job calls it, so no path
 * around the UI can skip it.
 */
export const canWrite = (actor: Actor, module: EffectiveModule): boolean =>
  !module.def.adminOnlyWrites || actor.role === 'admin';

export function assertCanWrite(actor: Actor, module: EffectiveModule): void {
  if (!canWrite(actor, module)) {
    throw forbidden({
      fa: `فقط مدیر سیستم می‌تواند ${module.def.label.plural.fa} را تغییر دهد.`,
      en: `Only administrators can change ${module.def.label.plural.en.toLowerCase()}.`,
    });
  }
}

export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') {
    throw forbidden({ fa: 'این کار فقط از مدیر سیستم برمی‌آید.', en: 'Only administrators can do this.' });
  }
}
