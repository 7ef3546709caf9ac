/** A piece of a note's body: plain text, a web link, or the name of a mentioned user. */
export type NoteSegment =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'mention'; text: string; userId: string };

// Only web links become links: a `javascript:` or `data:` URL typed into a note stays text.
const LINK = /\bhttps?:\/\/[^\s<>"'«»]+[^\s<>"'«».,;:!?؟،)\]]/giu;

/**
 * Splits a note's body into text, links and mentions. A mention is `@` followed by the name of
 * one of the users the note mentions, longest name first so «@علی رضایی» wins over «@علی».
 */
export function noteSegments(body: string, mentioned: { id: string; name: string }[]): NoteSegment[] {
  const names = mentioned.filter((m) => m.name).sort((a, b) => b.name.length - a.name.length);
  const segments: NoteSegment[] = [];
  let text = '';
  const flush = () => {
    if (text) segments.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < body.length) {
    if (body[i] === '@') {
      const user = names.find((m) => body.startsWith(m.name, i + 1));
      if (user) {
        flush();
        segments.push({ kind: 'mention', text: `@${user.name}`, userId: user.id });
        i += user.name.length + 1;
        continue;
      }
    }
    LINK.lastIndex = i;
    const link = body[i] === 'h' || body[i] === 'H' ? LINK.exec(body) : null;
    if (link && link.index === i) {
      flush();
      segments.push({ kind: 'link', text: link[0], href: link[0] });
      i += link[0].length;
      continue;
    }
    text += body[i];
    i++;
  }
  flush();
  return segments;
}
