/** A calendar date as ISO YYYY-MM-DD, read with local getters like the date adapters write it. */
export function isoDateOf(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** An ISO date at local noon, so no time zone or DST jump can move it to another day. */
export function dateOfIso(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(y!, m! - 1, d!);
  return date;
}
