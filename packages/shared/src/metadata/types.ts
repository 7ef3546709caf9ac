import type { FilterCondition } from './filter.js';

/** The vocabulary every module declaration is written in. */

export interface Label {
  fa: string;
  en: string;
}

export const FIELD_TYPES = [
  'text',
  'longText',
  'number',
  'currency',
  'percent',
  'date',
  'datetime',
  'boolean',
  'email',
  'phone',
  'url',
  'picklist',
  'multiPicklist',
  'reference',
  'referenceList',
  'tags',
  'nationalCode',
  'legalNationalId',
  'economicCode',
  'postalCode',
  'address',
  'addressList',
  'phoneList',
  'emailList',
  'socialList',
  'password',
  'recordLinks',
  'participants',
  'reminders',
  'recurrence',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Field types an admin may give a custom field (the composite and secret ones are for standard fields). */
export const CUSTOM_FIELD_TYPES = [
  'text',
  'longText',
  'number',
  'currency',
  'percent',
  'date',
  'datetime',
  'boolean',
  'email',
  'phone',
  'url',
  'picklist',
  'multiPicklist',
  'reference',
  'tags',
  'nationalCode',
  'postalCode',
] as const satisfies readonly FieldType[];
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Where a deal in a sales stage stands: still being worked on, won or lost. */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** Attributes an option may carry beyond its value and label, for the fields that declare them. */
export const OPTION_ATTRIBUTES = ['probability', 'kind'] as const;
export type OptionAttribute = (typeof OPTION_ATTRIBUTES)[number];

export interface PicklistOption {
  value: string;
  label: Label;
  /** Hidden options stay valid on old records but are not offered for new values. */
  hidden?: boolean;
  /** A sales stage's chance (0-100) that its deals are won: what their probability defaults to. */
  probability?: number;
  /** A sales stage's kind: whether its deals are open, won or lost. */
  kind?: StageKind;
}

export interface FieldDef {
  name: string;
  type: FieldType;
  label: Label;
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  options?: PicklistOption[];
  /**
   * The picklist's values are another field's — one list of lead sources for leads, contacts and
   * deals, so a lead's value is always one its contact and deal accept. Edited there, read here.
   */
  optionsFrom?: { module: ModuleName; field: string };
  /** What every option of this picklist must carry (sales stages: a probability and a kind); others may not. */
  optionAttributes?: readonly OptionAttribute[];
  /** Module a reference (or reference list) points to. */
  target?: ModuleName;
  /** Contributes to the record's normalised search text. */
  searchable?: boolean;
  /** Set by the system or by an action, never by a create/update body. */
  readOnly?: boolean;
  /** Accepted on write, never returned (passwords). */
  writeOnly?: boolean;
  /** Values must be unique among live records of the module. */
  unique?: boolean;
  block?: string;
  quickCreate?: boolean;
  hidden?: boolean;
  /** Set on fields defined by an admin at run time; their values live in `custom`. */
  custom?: boolean;
  position?: number;
}

export interface BlockDef {
  name: string;
  label: Label;
}

export interface RelationDef {
  /** Path segment of the related list, e.g. `contacts` under an organization. */
  name: string;
  module: ModuleName;
  /** Field of the related module that points back to this record. */
  field: string;
  label: Label;
}

export type ModuleGroup = 'marketing' | 'sales' | 'support' | 'admin';

export interface ModuleDef {
  name: ModuleName;
  label: { singular: Label; plural: Label };
  group: ModuleGroup;
  /** Prefix of the human-readable number, e.g. `LEAD` → `LEAD-1001`. */
  numberPrefix: string;
  fields: FieldDef[];
  blocks: BlockDef[];
  /** Fields joined to make a record's title in lists, search results and pickers. */
  titleFields: string[];
  listColumns: string[];
  relations?: RelationDef[];
  /** At least one of these must have a value (a contact needs a first or a last name). */
  requireOneOf?: string[];
  /** Only admins create, change or delete records of this module. */
  adminOnlyWrites?: boolean;
  /**
   * Records speak for their author (notes): only the user who wrote one, or an admin, changes,
   * deletes or restores it. The record layer enforces it; clients hide what would be refused.
   */
  changedByAuthorOnly?: boolean;
  /** Records have no owner (users and groups). */
  unowned?: boolean;
  /** Included in the global search. */
  globalSearch?: boolean;
  /** People and companies that get entered twice: duplicates are checked, found and merged. */
  findsDuplicates?: boolean;
  /**
   * Lists keep only records matching this condition unless their filter names its field
   * (converted leads leave the lead list but `converted eq true` still finds them).
   */
  defaultListFilter?: FilterCondition;
}

export type ModuleName =
  'organizations' | 'contacts' | 'leads' | 'opportunities' | 'users' | 'groups' | 'notes' | 'activities';
