import { validationProblem } from '../../core/http/problem.js';

/** Where a timeline page ended: the last item's time in microseconds and its tie-breaking key. */
export interface TimelineCursor {
  atMicros: number;
  key: string;
}

export function encodeTimelineCursor(cursor: TimelineCursor): string {
  return Buffer.from(JSON.stringify([cursor.atMicros, cursor.key])).toString('base64url');
}

export function decodeTimelineCursor(text: string): TimelineCursor {
  try {
    const [atMicros, key] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (
      Number.isSafeInteger(atMicros) &&
      typeof key === 'string' &&
      /^(change|note|activity):[0-9a-f-]{1,40}$/.test(key)
    ) {
      return { atMicros: atMicros as number, key };
    }
  } catch {
    // falls through to the same answer as a well-formed but wrong cursor
  }
  throw validationProblem([{ field: 'cursor', code: 'invalid_cursor' }]);
}
