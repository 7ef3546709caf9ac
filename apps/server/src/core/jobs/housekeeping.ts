import { forgetOldLoginAttempts } from '../auth/login-throttle.js';
import { deleteExpiredSessions } from '../auth/sessions.repository.js';
import type { DB } from '../db/database.js';

const HOURLY = 3_600_000;

/** Expired sessions and day-old login attempts are of no use to anyone; any app server may clear them. */
export function startHousekeeping(db: DB, onError: (error: unknown) => void): () => void {
  const timer = setInterval(() => {
    Promise.all([deleteExpiredSessions(db), forgetOldLoginAttempts(db)]).catch(onError);
  }, HOURLY);
  timer.unref();
  return () => clearInterval(timer);
}
