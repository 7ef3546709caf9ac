import iconv from 'iconv-lite';

/**
 * vCard 2.1 (still written by old Android phones and Nokia-era exports) differs from 3.0/4.0 in
 * ways ical.js does not read: bare parameters (`TEL;CELL;PREF:`) and quoted-printable values
 * whose soft line breaks (`=` at the end of a line) continue at the start of the next line,
 * without the leading space of ordinary folding. These helpers turn such a card into 3.0
 * syntax before ical.js parses it, and decode quoted-printable values after; they work on the
 * name-and-parameters part of a line only, never on values.
 */

/** Where a content line's name and parameters end: the first `:` outside double quotes. */
function nameEnd(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i;
  }
  return -1;
}

/** Splits on `;` outside double quotes. */
function splitParams(head: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === '"') quoted = !quoted;
    else if (head[i] === ';' && !quoted) {
      parts.push(head.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(head.slice(start));
  return parts;
}

const isQuotedPrintable = (head: string) =>
  splitParams(head)
    .slice(1)
    .some((p) => /^(encoding=)?quoted-printable$/i.test(p.trim()));

/** `TEL;CELL;ENCODING=8BIT:` → `TEL;TYPE=CELL;ENCODING=8BIT:`. */
function withNamedParams(line: string): string {
  const end = nameEnd(line);
  if (end < 0) return line;
  const [name, ...params] = splitParams(line.slice(0, end));
  const named = params.filter((p) => p.trim() !== '').map((p) => (p.includes('=') ? p : `TYPE=${p}`));
  return [name, ...named].join(';') + line.slice(end);
}

/**
 * A card's lines in 3.0 syntax: quoted-printable soft breaks joined, bare parameters named,
 * blank lines (2.1 ends a base64 photo with one) dropped. Folded lines are left for ical.js.
 */
export function cardText(lines: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.trim() === '') continue;
    const end = nameEnd(line);
    if (end > 0 && isQuotedPrintable(line.slice(0, end))) {
      while (line.endsWith('=') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!;
    }
    out.push(/^[ \t]/.test(line) ? line : withNamedParams(line));
  }
  return out.join('\r\n');
}

/** RFC 2045 quoted-printable: `=HH` is a byte, the rest is ASCII; the bytes are text in `charset`. */
export function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i]!, 'utf8'));
    }
  }
  const encoding = charset && iconv.encodingExists(charset) ? charset : 'utf-8';
  return iconv.decode(Buffer.from(bytes), encoding);
}
