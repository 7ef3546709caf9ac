import { toFieldIssues } from '@peyvand/shared';
import type { EffectiveModule } from '../../core/metadata/effective-module.js';
import { importedDate, isEmptyDate } from './imported-date.js';
import type { ImportTarget } from './import-targets.js';
import { emailKindOfLabel, phoneKindOfLabel } from './labelled-columns.js';
import type { RowReason } from './imports.tables.js';
import { type ReferenceLookup, isRecordId } from './reference-lookup.js';
import { ValueSources } from './value-sources.js';
import type { LookAhead } from './import-plan.js';
import { missingRequired } from '../../core/records/record-write.js';

/** A column of the source and what it is imported into. */
export interface MappedColumn {
  index: number;
  column: string;
  target: ImportTarget;
  /** The column saying, row by row, what kind of phone or e-mail this one holds (Google's `Phone 1 - Label`). */
  labelIndex?: number;
}

export interface ConvertedRow {
  /** A create body, parsed by the module's schema: E.164 phones, ISO dates, option values, ids. */
  input: Record<string, unknown>;
  reasons: RowReason[];
  /** What the row will do besides (a record it names created first), for the preview. */
  notes: RowReason[];
}

/** A cell as imported: trimmed, and without the ' that exports put before =, +, - or @. */
export const cellText = (cells: string[], index: number) => (cells[index] ?? '').trim().replace(/^'(?=[=+\-@])/, '');

type Values = Record<string, unknown>;

/**
 * Several values in one cell: `;`, `،`, `|`, a line break or Google's ` ::: ` between them (and
 * `,` where values never hold one).
 */
const LIST_SPLIT = /:::|[;\u061B\u060C|\n]+/;
const LIST_SPLIT_WITH_COMMA = /:::|[;\u061B\u060C|\n,]+/;
const split = (cell: string, comma: boolean) =>
  cell
    .split(comma ? LIST_SPLIT_WITH_COMMA : LIST_SPLIT)
    .map((v) => v.trim())
    .filter(Boolean);

/** Google's own groups: «* myContacts» holds every contact, the others lose their star. */
const ownTag = (tag: string): string[] => {
  const name = tag.replace(/^\*\s*/, '');
  return name === 'myContacts' ? [] : [name];
};

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', 'x', 'بله', 'بلی', 'آری', 'هست', 'دارد', 'صحیح', '✓', '✔']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', 'خیر', 'نه', 'نیست', 'ندارد', 'غلط']);

/** Appends values to a list field of `bag`, each noted as coming from `column`. */
function appendTo(bag: Values, name: string, values: unknown[], sources: ValueSources, key: string, column: string) {
  const list = (bag[name] ??= []) as unknown[];
  for (const value of values) {
    sources.add(`${key}.${list.length}`, column);
    list.push(value);
  }
}

/**
 * Turns a source row into a create body and the reasons it cannot be one. Cells become values
 * the module's own schema accepts, then that schema decides, exactly as for a POST, so an
 * import accepts what the API accepts. Each reason names the source column it comes from.
 */
export class RowConverter {
  /** `ahead`: what the preview and the job's first read check besides (import-plan's LookAhead). */
  constructor(
    private readonly module: EffectiveModule,
    private readonly columns: MappedColumn[],
    private readonly lookup: ReferenceLookup,
    private readonly ahead: LookAhead,
  ) {}

  async convert(cells: string[]): Promise<ConvertedRow> {
    const data: Values = {};
    const custom: Values = {};
    const reasons: RowReason[] = [];
    const notes: RowReason[] = [];
    const sources = new ValueSources();
    /** The columns each address's parts came from; its place in the list is known only at the end. */
    const addressParts = new Map<Values, { key: string; list: Values[]; parts: [string, string][] }>();
    for (const { index, column, target, labelIndex } of this.columns) {
      const cell = cellText(cells, index);
      if (cell === '' || (target.field.type === 'date' && isEmptyDate(cell))) continue;
      const label = labelIndex === undefined ? undefined : cells[labelIndex];
      const { field, sub } = target;
      const bag = target.custom ? custom : data;
      const key = target.custom ? `custom.${field.name}` : field.name;
      switch (field.type) {
        case 'phoneList':
          appendTo(
            bag,
            field.name,
            split(cell, true).map((number) => ({ kind: sub ?? phoneKindOfLabel(label), number })),
            sources,
            key,
            column,
          );
          break;
        case 'emailList':
          appendTo(
            bag,
            field.name,
            split(cell, true).map((address) => ({ kind: sub ?? emailKindOfLabel(label), address })),
            sources,
            key,
            column,
          );
          break;
        case 'address':
          ((bag[field.name] ??= {}) as Values)[sub!] = cell;
          sources.add(`${key}.${sub}`, column);
          break;
        case 'addressList': {
          // One address of each kind: `city` is the main address's (kept first), `home.city` the home one's.
          const [kind, part] = sub!.includes('.') ? sub!.split('.') : ['main', sub!];
          const list = (bag[field.name] ??= []) as Values[];
          let address = list.find((a) => a.kind === kind);
          if (!address) {
            address = { kind };
            if (kind === 'main') list.unshift(address);
            else list.push(address);
            addressParts.set(address, { key, list, parts: [] });
          }
          address[part!] = cell;
          addressParts.get(address)!.parts.push([part!, column]);
          break;
        }
        case 'socialList':
          appendTo(
            bag,
            field.name,
            split(cell, true).map((entry) => {
              const [network, ...handle] = entry.split(':');
              return { network: network!.trim().toLowerCase(), handle: handle.join(':') };
            }),
            sources,
            key,
            column,
          );
          break;
        case 'tags':
          appendTo(bag, field.name, split(cell, true).flatMap(ownTag), sources, key, column);
          break;
        case 'multiPicklist':
          appendTo(bag, field.name, split(cell, true), sources, key, column);
          break;
        case 'date':
          bag[field.name] = importedDate(cell);
          sources.add(key, column);
          break;
        case 'boolean': {
          const word = cell.toLowerCase();
          if (TRUE_WORDS.has(word)) bag[field.name] = true;
          else if (FALSE_WORDS.has(word)) bag[field.name] = false;
          else reasons.push({ column, field: key, code: 'invalid_type', params: { expected: 'boolean' } });
          sources.add(key, column);
          break;
        }
        case 'reference': {
          const found = await this.lookup.find(field.target!, cell);
          if ('id' in found) bag[field.name] = found.id;
          else if (found.code === 'reference_not_found' && this.ahead.creatable.has(field.target!) && !isRecordId(cell))
            notes.push({ column, field: key, code: 'reference_created', params: { value: cell } });
          else reasons.push({ column, field: key, code: found.code });
          sources.add(key, column);
          break;
        }
        case 'referenceList': {
          const ids: string[] = [];
          for (const name of split(cell, false)) {
            const found = await this.lookup.find(field.target!, name);
            if ('id' in found) ids.push(found.id);
            else reasons.push({ column, field: key, code: found.code });
          }
          appendTo(bag, field.name, ids, sources, key, column);
          break;
        }
        default:
          bag[field.name] = cell;
          sources.add(key, column);
      }
    }
    if (Object.keys(custom).length > 0) data.custom = custom;
    const parsed = this.module.schemas.create.safeParse(data, { reportInput: true });
    if (!parsed.success) {
      // Each address's place in its list is known now: `addresses.1.postalCode` is the home one's.
      for (const [address, { key, list, parts }] of addressParts) {
        const position = list.indexOf(address);
        for (const [part, column] of parts) {
          sources.add(`${key}.${position}`, column);
          sources.add(`${key}.${position}.${part}`, column);
        }
      }
      reasons.push(
        ...toFieldIssues(parsed.error.issues).map((issue) => ({
          column: sources.columnOf(issue.field) ?? this.columnOf(issue.field),
          field: issue.field,
          code: issue.code,
          ...(issue.params ? { params: issue.params } : {}),
        })),
      );
    }
    if (parsed.success && this.ahead.required)
      for (const issue of missingRequired(this.module, parsed.data))
        reasons.push({ column: this.columnOf(issue.field), ...issue });
    // A row that fails creates nothing: what it would have done besides is not worth a note.
    return { input: parsed.success ? parsed.data : data, reasons, notes: reasons.length > 0 ? [] : notes };
  }

  /** The column a field's value came from, for reasons raised after conversion (required, duplicates). */
  columnOf(field: string): string | null {
    const key = field.startsWith('custom.') ? field.split('.').slice(0, 2).join('.') : field.split('.')[0]!;
    const mapped = this.columns.find(
      (c) => (c.target.custom ? `custom.${c.target.field.name}` : c.target.field.name) === key,
    );
    return mapped?.column ?? null;
  }
}
