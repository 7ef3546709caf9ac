import { type XlsxPackage, openPackage, readPart, resolvePartPath } from './xlsx-package.js';

export interface XlsxSheetRef {
  /** The tab's name as Excel shows it. */
  name: string;
  /** Its part in the zip. */
  path: string;
}

/** What every sheet's cells refer to: their texts, styles and the workbook's date system. */
export interface XlsxWorkbook {
  pkg: XlsxPackage;
  /** In tab order. */
  sheets: XlsxSheetRef[];
  sharedStrings: string[];
  /** The cell styles (by index) whose number format is a date or time. */
  dateStyles: Set<number>;
  /** Serial day 0 is 1904-01-01 (old Mac Excel) rather than 1899-12-30. */
  date1904: boolean;
}

/** The built-in number formats that show dates or times (ECMA-376 §18.8.30, with East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A custom format is a date's when, less its quoted text and bracketed parts (colours, locales), it has date or time codes. */
export const isDateFormatCode = (code: string) =>
  /[ymdhsb]/i.test(
    code
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, ''),
  );

/** Relationship ids to their parts, from a part's `_rels` neighbour. */
async function relationships(pkg: XlsxPackage, part: string): Promise<Map<string, { type: string; path: string }>> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const found = new Map<string, { type: string; path: string }>();
  if (!pkg.has(relsPath)) return found;
  await readPart(pkg, relsPath, {
    open: (name, a) => {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External')
        found.set(a.Id, { type: a.Type ?? '', path: resolvePartPath(part, a.Target) });
    },
  });
  return found;
}

async function workbookPart(pkg: XlsxPackage): Promise<string> {
  for (const rel of (await relationships(pkg, '')).values()) if (rel.type.endsWith('/officeDocument')) return rel.path;
  return 'xl/workbook.xml';
}

async function readSharedStrings(pkg: XlsxPackage, path: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!path || !pkg.has(path)) return strings;
  let current = '';
  let inText = false;
  // Phonetic guides (<rPh>) of East Asian text are not part of the string.
  let inPhonetic = false;
  await readPart(pkg, path, {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't') inText = !inPhonetic;
    },
    text: (text) => {
      if (inText) current += text;
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(current);
    },
  });
  return strings;
}

async function readDateStyles(pkg: XlsxPackage, path: string | undefined): Promise<Set<number>> {
  const dateStyles = new Set<number>();
  if (!path || !pkg.has(path)) return dateStyles;
  const customDates = new Set<number>();
  let inCellXfs = false;
  let xfIndex = 0;
  await readPart(pkg, path, {
    open: (name, a) => {
      if (name === 'numFmt' && a.formatCode !== undefined && isDateFormatCode(a.formatCode))
        customDates.add(Number(a.numFmtId));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const format = Number(a.numFmtId ?? 0);
        if (BUILT_IN_DATE_FORMATS.has(format) || customDates.has(format)) dateStyles.add(xfIndex);
        xfIndex++;
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return dateStyles;
}

/** Opens an xlsx: its sheets in tab order, and what their cells need to be read as text. */
export async function openWorkbook(bytes: Buffer): Promise<XlsxWorkbook> {
  const pkg = await openPackage(bytes);
  const part = await workbookPart(pkg);
  const rels = await relationships(pkg, part);
  const sheets: XlsxSheetRef[] = [];
  let date1904 = false;
  await readPart(pkg, part, {
    open: (name, a) => {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'sheet') {
        // The relationship id is `r:id`, whatever prefix the file gives its namespace.
        const id = Object.entries(a).find(([key]) => key.endsWith(':id'))?.[1];
        const rel = id === undefined ? undefined : rels.get(id);
        // Worksheets only: a chartsheet or a dialog sheet has no rows to import.
        if (rel?.type.endsWith('/worksheet') && a.name !== undefined) sheets.push({ name: a.name, path: rel.path });
      }
    },
  });
  const partOf = (type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.path;
  const [sharedStrings, dateStyles] = await Promise.all([
    readSharedStrings(pkg, partOf('sharedStrings')),
    readDateStyles(pkg, partOf('styles')),
  ]);
  return { pkg, sheets, sharedStrings, dateStyles, date1904 };
}
