import type { BlockDef, FieldDef, FilterOperator, Label, ModuleGroup, RelationDef } from '@peyvand/shared';

/** A field as GET /api/v1/metadata/modules describes it (metadata.service.ts `describeField`). */
export interface FieldMeta extends FieldDef {
  custom: boolean;
  required: boolean;
  hidden: boolean;
  /** What filters and sorts name it by: `custom.NAME` for custom fields. */
  filterPath: string;
  operators: FilterOperator[];
  sortable: boolean;
  subFields?: string[];
}

/** A module as this workspace sees it, custom fields and admin changes included. */
export interface ModuleMeta {
  name: string;
  label: { singular: Label; plural: Label };
  group: ModuleGroup;
  numberPrefix: string;
  titleFields: string[];
  listColumns: string[];
  blocks: BlockDef[];
  relations: RelationDef[];
  adminOnlyWrites: boolean;
  /** Only a record's author or an admin changes or deletes it (notes). */
  changedByAuthorOnly: boolean;
  /** Duplicates are checked before saving, found and merged (people and companies). */
  findsDuplicates: boolean;
  systemFields: FieldMeta[];
  fields: FieldMeta[];
}

/** A record as the API returns it (record-serializer.ts `toApiRecord`). */
export interface ApiRecord {
  id: string;
  number: string;
  version: number;
  ownerId?: string | null;
  ownerGroupId?: string | null;
  custom: Record<string, unknown>;
  /** Single phone fields as the user typed them, beside their E.164 value. */
  typed?: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  deletedAt?: string;
  [field: string]: unknown;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
