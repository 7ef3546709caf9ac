import { Readable } from 'node:stream';
import type { RecordScope } from '../../core/records/record-scope.js';
import { recordPages } from './export-pages.js';
import type { ExportQuery } from './export-rows.js';
import { recordTitles } from './reference-titles.js';
import { type CardContact, type VcardVersion, contactCard } from './vcard-card.js';

/** The module whose records are people with phones, e-mails and addresses: the one vCard describes. */
export const VCARD_MODULE = 'contacts';

/** The contacts of the list view as vCards, page by page, organization ids resolved to names per page. */
export async function* vcardPages(
  scope: RecordScope,
  query: ExportQuery,
  version: VcardVersion,
): AsyncGenerator<string> {
  for await (const records of recordPages(scope, query)) {
    const organizationIds = [...new Set(records.map((r) => r.organizationId).filter((id) => typeof id === 'string'))];
    const names = await recordTitles(scope.db, scope.actor.workspaceId, scope.modules, organizationIds);
    yield records
      .map((record) => contactCard(record as unknown as CardContact, names.get(String(record.organizationId)), version))
      .join('');
  }
}

/** A .vcf file: the cards one after another, UTF-8 without a byte-order mark (vCard readers choke on one). */
export function vcardStream(pages: AsyncIterable<string>): Readable {
  return Readable.from(pages);
}
