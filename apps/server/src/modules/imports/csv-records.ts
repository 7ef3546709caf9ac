import { validationMessage } from '@peyvand/shared';
import Papa from 'papaparse';
import { ProblemError } from '../../core/http/problem.js';

/**
 * Characters parsed at a time: only one window's records are held, however long the file. A
 * window that completes no record (one cell longer than it) is followed by one twice as long.
 */
const WINDOW = 1 << 16;

/** The record separator of a CSV text, as papaparse guesses it: quoted cells are not looked at. */
function lineBreakOf(text: string, delimiter: string): '\r\n' | '\n' | '\r' {
  const { linebreak } = Papa.parse(text.slice(0, WINDOW), { delimiter, preview: 1 }).meta;
  return linebreak === '\r\n' || linebreak === '\r' ? linebreak : '\n';
}

/** The file refused at the row whose quoting is broken; the job's error says so too (its message). */
function quoteNotClosed(row: number): ProblemError {
  const message = (language: 'fa' | 'en') => validationMessage('quote_not_closed', language, { row });
  return new ProblemError('validation', { fa: message('fa'), en: message('en') }, [
    { field: 'file', code: 'quote_not_closed', params: { row } },
  ]);
}

/**
 * The records of a CSV text, in order, each as its cells: what parsing the whole text at once
 * gives, without holding it all, and without a final empty record after the last line break.
 * papaparse reads a window at a time; a record the window cuts is carried into the next.
 * Quoting is RFC 4180's, and a quote inside an unquoted cell is kept as text. A quoted cell left
 * open, or closed and then followed by more text, would run on over the lines after it and take
 * their rows with it, so the file is refused with the row's number (the header is row 1) instead.
 */
export function* csvRecords(text: string, delimiter: string, window = WINDOW): Generator<string[]> {
  const newline = lineBreakOf(text, delimiter);
  let carry = '';
  let read = 0;
  let start = 0;
  let size = window;
  for (;;) {
    const end = Math.min(text.length, start + size);
    const last = end === text.length;
    const input = carry + text.slice(start, end);
    const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
    const { data: records, errors, meta }: Papa.ParseResult<string[]> = parser.parse(input, 0, !last);
    // Before the last window, an error in the record being cut is looked at again in the next.
    // Quoting is all papaparse reports an error for; each error names its record in the window.
    const rowOf = (error: Papa.ParseError) => error.row ?? records.length;
    const broken = errors.find((e) => last || rowOf(e) < records.length);
    if (broken) throw quoteNotClosed(read + rowOf(broken) + 1);
    // papaparse reads an empty record after a final line break; a whole-text CSV reader does not.
    const final = records.at(-1);
    if (last && text.endsWith(newline) && final?.length === 1 && final[0] === '') records.pop();
    read += records.length;
    yield* records;
    if (last) return;
    carry = input.slice(meta.cursor);
    start = end;
    size = records.length === 0 ? size * 2 : window;
  }
}
