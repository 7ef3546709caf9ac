/** The name being typed after an `@` just before the caret (at most three words), or null. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || (at > 0 && !/\s/.test(before[at - 1]!))) return null;
  const query = before.slice(at + 1);
  if (/\n/.test(query) || query.length > 40 || query.split(' ').length > 3) return null;
  return { start: at, query };
}

/** The users still mentioned: those whose «@name» is still in the text. */
export function keptMentions(text: string, mentioned: { id: string; name: string }[]): string[] {
  return [...new Set(mentioned.filter((m) => m.name && text.includes(`@${m.name}`)).map((m) => m.id))];
}
