/**
 * The database refused the row itself (bad data, a constraint, a trigger's exception), so the
 * row is reported. Anything else (a lock or statement timeout, a deadlock, a full disk, no
 * permission) is about the moment, not the row: the job pauses and is taken up again.
 */
export function isRowRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23') || code === 'P0001');
}
