/**
 * Which source column each value of a create body came from, by its path: `firstName`, `phones.1`
 * for the column that gave the second phone, `addresses.1.postalCode` for the one that gave the
 * second address's postal code. Noting is a map write per value (every row of an import notes
 * its values); finding, only for a row with errors, tries the longest path an error lies under.
 */
export class ValueSources {
  private readonly columns = new Map<string, string>();

  add(path: string, column: string): void {
    if (!this.columns.has(path)) this.columns.set(path, column);
  }

  columnOf(field: string): string | undefined {
    const parts = field.split('.');
    for (let n = parts.length; n > 0; n--) {
      const column = this.columns.get(parts.slice(0, n).join('.'));
      if (column !== undefined) return column;
    }
    return undefined;
  }
}
