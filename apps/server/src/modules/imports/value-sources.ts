/**
 * Which source column each value of a create body came from, by its path: `phones.1` is the
 * column that gave the second phone, `addresses.1.postalCode` the one that gave the second
 * address's postal code. A reason about a value names the column of the longest path it lies
 * under; a path's first column also stands for everything under it (`phones`, `addresses.1`).
 */
export class ValueSources {
  private readonly columns = new Map<string, string>();

  add(path: string, column: string): void {
    const parts = path.split('.');
    for (let n = 1; n <= parts.length; n++) {
      const prefix = parts.slice(0, n).join('.');
      if (!this.columns.has(prefix)) this.columns.set(prefix, column);
    }
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
