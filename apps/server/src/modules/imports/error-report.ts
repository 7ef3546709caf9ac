import { Readable } from 'node:stream';
import type { Language } from '@peyvand/shared';
import { validationMessage } from '@peyvand/shared';
import { stringify } from 'csv-stringify/sync';
import { neutralizeFormula } from '../exports/formula-guard.js';
import type { ImportTarget } from './import-targets.js';
import { failedRows } from './imports.repository.js';
import type { ImportsExecutor, RowReason } from './imports.tables.js';

const PAGE = 1000;

const EXTRA_COLUMNS: Record<Language, [string, string]> = {
  fa: ['شماره ردیف', 'دلیل خطا'],
  en: ['Row number', 'Reason'],
};

/** «Mobile» (Phones): the phone number is not valid. */
export function reasonText(reason: RowReason, labels: ReadonlyMap<string, string>, language: Language): string {
  const top = reason.field.startsWith('custom.')
    ? reason.field.split('.').slice(0, 2).join('.')
    : reason.field.split('.')[0]!;
  const field = labels.get(reason.field) ?? labels.get(top) ?? reason.field;
  const message = validationMessage(reason.code, language, reason.params);
  const column = reason.column ?? (language === 'fa' ? 'بدون ستون' : 'no column');
  return language === 'fa' ? `ستون «${column}» (${field}): ${message}` : `Column "${column}" (${field}): ${message}`;
}

export function fieldLabels(targets: ImportTarget[], language: Language): Map<string, string> {
  const labels = new Map<string, string>();
  for (const t of targets) {
    const key = t.custom ? `custom.${t.field.name}` : t.field.name;
    if (!labels.has(key)) labels.set(key, t.field.label[language]);
  }
  return labels;
}

/**
 * The failed rows in the source's own layout, plus the row number and the reasons, so the
 * file can be fixed and imported again (the two extra columns map to no field).
 */
export function errorReport(
  db: ImportsExecutor,
  importId: string,
  columns: string[],
  labels: ReadonlyMap<string, string>,
  language: Language,
): Readable {
  async function* lines() {
    const header = [...columns, ...EXTRA_COLUMNS[language]];
    yield '\uFEFF' + stringify([header.map(neutralizeFormula)], { record_delimiter: 'windows' });
    let after = 0;
    for (;;) {
      const rows = await failedRows(db, importId, after, PAGE);
      if (rows.length === 0) return;
      const out = rows.map((row) => {
        const cells = columns.map((_, i) => neutralizeFormula(row.cells?.[i] ?? ''));
        const reasons = (row.reasons ?? []).map((r) => reasonText(r, labels, language)).join(' | ');
        return [...cells, String(row.row_number), neutralizeFormula(reasons)];
      });
      yield stringify(out, { record_delimiter: 'windows' });
      after = rows.at(-1)!.row_number;
    }
  }
  return Readable.from(lines());
}
