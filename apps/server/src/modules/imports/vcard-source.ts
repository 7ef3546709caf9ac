import ICAL from 'ical.js';
import { validationProblem } from '../../core/http/problem.js';
import type { OpenedSource, SourceRow } from './source-rows.js';
import { decodeSourceText } from './source-text.js';
import { type JCardProperty, VCARD_COLUMNS, cardCells } from './vcard-cells.js';
import { cardText } from './vcard-syntax.js';

/** The card as the error report shows it: enough to recognise and fix it, never a whole photo. */
const SOURCE_CHARS = 4000;

/** The lines of each BEGIN:VCARD … END:VCARD block, in file order. */
function* cardsOf(text: string): Generator<string[]> {
  let card: string[] | null = null;
  for (const line of text.split(/\r\n|\n|\r/)) {
    const word = line.trim().toUpperCase();
    if (word === 'BEGIN:VCARD') card = [line.trim()];
    else if (card && word === 'END:VCARD') {
      card.push(line.trim());
      yield card;
      card = null;
    } else card?.push(line);
  }
}

/** A card's properties as ical.js parses them; none when it cannot (the row is then reported). */
function propertiesOf(text: string): JCardProperty[] {
  try {
    const parsed = ICAL.parse(text) as unknown;
    const card = Array.isArray(parsed) && parsed[0] === 'vcard' ? parsed : null;
    return card ? (card[1] as JCardProperty[]) : [];
  } catch {
    return [];
  }
}

/**
 * A .vcf file (vCard 2.1, 3.0 or 4.0; one card or many, as phones and Google Contacts export
 * them) as rows of cells: one row per card, numbered from 1 in file order, under columns named
 * by the import target they fill. ical.js parses each card on its own, so one broken card is
 * one reported row, not a refused file.
 */
export async function openVcard(bytes: Buffer): Promise<OpenedSource> {
  const { text, encoding } = decodeSourceText(bytes);
  const cards = cardsOf(text);
  const first = cards.next();
  if (first.done) throw validationProblem([{ field: 'file', code: 'empty_file' }]);
  async function* rows(): AsyncGenerator<SourceRow> {
    let number = 0;
    for (let next = first; !next.done; next = cards.next()) {
      const card = cardText(next.value);
      yield { number: ++number, cells: cardCells(propertiesOf(card), card.slice(0, SOURCE_CHARS)) };
    }
  }
  return { header: [...VCARD_COLUMNS], rows: rows(), encoding };
}
