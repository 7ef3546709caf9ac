/**
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula (and
 * tab or CR can hide such a start), so an exported name like `=HYPERLINK(…)` could act on the
 * machine of whoever opens the file (OWASP "CSV injection"). Such cells get a leading `'`,
 * which Excel and LibreOffice show as text. A cell that is only a number (`-5`, `+98912…`)
 * cannot run anything and is left as it is.
 */
const RISKY_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function neutralizeFormula(text: string): string {
  if (!RISKY_START.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}
