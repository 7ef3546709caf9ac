import type { ApiRecord } from '../../core/records/record-serializer.js';
import type { RecordScope } from '../../core/records/record-scope.js';
import { listRecords } from '../../core/records/records.service.js';
import type { ExportQuery } from './export-rows.js';

/** Records read per query: enough to keep round trips few, small enough to keep memory flat. */
const PAGE_SIZE = 500;

/** The list view's records, page by page through the same keyset paging as the list itself. */
export async function* recordPages(scope: RecordScope, query: ExportQuery): AsyncGenerator<ApiRecord[]> {
  let cursor: string | undefined;
  do {
    const page = await listRecords(scope, { ...query, limit: PAGE_SIZE, cursor });
    yield page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * The first page read before anything is sent, so a bad filter or sort is still a proper 400
 * rather than a download cut short; then all pages in order.
 */
export async function started<T>(pages: AsyncGenerator<T>): Promise<AsyncGenerator<T>> {
  const first = await pages.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* pages;
  }
  return all();
}
