import { fixArabicLetters } from '@peyvand/shared';
import iconv from 'iconv-lite';

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'windows-1256';

/**
 * A CSV file's text. UTF-8 with or without a byte-order mark is the usual case; a file that is
 * not valid UTF-8 is taken as Windows-1256, the code page old Persian Excel saves CSV in.
 */
export function decodeSourceText(bytes: Buffer): { text: string; encoding: SourceEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Code page 1256 has only the Arabic ي and ك: Persian text saved in it gets ی and ک back.
    return { text: fixArabicLetters(iconv.decode(bytes, 'windows-1256')), encoding: 'windows-1256' };
  }
}

const CANDIDATES = [',', ';', '\t', '|'] as const;

/** Delimiters outside quotes on one line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count++;
  }
  return count;
}

/**
 * The delimiter that splits the first lines most evenly: the one found on the header line that
 * the most following lines repeat the same number of times (ties go to the more frequent one).
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 21).filter((l) => l.trim() !== '');
  const [header, ...rest] = lines;
  if (!header) return ',';
  let best: { delimiter: string; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of CANDIDATES) {
    const count = countOutsideQuotes(header, delimiter);
    if (count === 0) continue;
    const agreeing = rest.filter((l) => countOutsideQuotes(l, delimiter) === count).length;
    const score = agreeing * 1000 + count;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
