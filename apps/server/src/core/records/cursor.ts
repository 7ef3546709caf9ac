import { validationProblem } from '../http/problem.js';

/** Where the previous page ended: its last row's sort values and id, tied to the sort that made them. */
export interface Cursor {
  sort: string;
  keys: unknown[];
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.keys, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string, sort: string, keyCount: number): Cursor {
  const invalid = () => validationProblem([{ field: 'cursor', code: 'invalid_cursor' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
  const [cursorSort, keys, id] = parsed as [unknown, unknown, unknown];
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  if (
    cursorSort !== sort ||
    !Array.isArray(keys) ||
    keys.length !== keyCount ||
    typeof id !== 'string' ||
    !uuid.test(id)
  ) {
    throw invalid();
  }
  return { sort, keys, id };
}
