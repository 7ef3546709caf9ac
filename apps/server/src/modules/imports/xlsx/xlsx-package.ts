import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';

/**
 * An xlsx file is a zip of XML parts. The parts are reached through the zip's central
 * directory, so each is read when it is needed whatever its place in the file: Excel stores the
 * shared strings after the sheets, exceljs stores the workbook last. (exceljs's own streaming
 * reader walks the zip front to back and, now and then, parses a sheet before the workbook that
 * names it: exceljs issues #1558 and #3064.)
 */
export interface XlsxPackage {
  has(path: string): boolean;
  /** A part's size once decompressed, as the zip declares it (and yauzl holds it to). */
  size(path: string): number;
  /** A part's XML, decompressed as it is read. */
  open(path: string): Promise<Readable>;
}

export async function openPackage(bytes: Buffer): Promise<XlsxPackage> {
  // `validateEntrySizes` (the default) stops a part that inflates beyond the size it declares.
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const entries = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
  return {
    has: (path) => entries.has(path),
    size: (path) => entries.get(path)?.uncompressedSize ?? 0,
    open: async (path) => {
      const entry = entries.get(path);
      if (!entry) throw new Error(`xlsx part ${path} is missing`);
      return zip.openReadStreamPromise(entry);
    },
  };
}

/** What a reader of a part's XML is told, with names as written less their namespace prefix. */
export interface XmlVisitor {
  open(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Streams a part through a SAX parser; yields after each chunk, so a caller can hand on what
 * the visitor collected so far and the part is never held whole.
 */
export async function* xmlChunks(stream: Readable, visitor: XmlVisitor): AsyncGenerator<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('opentag', (tag) => visitor.open(localName(tag.name), tag.attributes));
  if (visitor.text) {
    parser.on('text', visitor.text);
    parser.on('cdata', visitor.text);
  }
  const { close } = visitor;
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  // Decoded as a stream: a character split between two chunks is joined again.
  stream.setEncoding('utf8');
  for await (const chunk of stream) {
    parser.write(chunk as string);
    yield;
  }
  parser.close();
}

/**
 * The parts read whole (the workbook, relationships, styles and shared strings) are kept to a
 * size no spreadsheet of a million rows reaches, so a small upload that inflates to gigabytes of
 * strings is refused instead of filling the memory. Sheets are streamed and need no limit.
 */
const MAX_WHOLE_PART = 256 * 1024 * 1024;

/** Reads a whole part through `visitor`. */
export async function readPart(pkg: XlsxPackage, path: string, visitor: XmlVisitor): Promise<void> {
  if (pkg.size(path) > MAX_WHOLE_PART) throw new Error(`xlsx part ${path} is too large`);
  for await (const _chunk of xmlChunks(await pkg.open(path), visitor));
}

/** A relationship's target as a path in the zip: relative to the part's folder, or absolute. */
export function resolvePartPath(fromPart: string, target: string): string {
  const segments = target.startsWith('/') ? [] : fromPart.split('/').slice(0, -1);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}
