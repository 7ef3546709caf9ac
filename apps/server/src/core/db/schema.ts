import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables in migrations/, as Kysely sees them. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface WorkspacesTable {
  id: string;
  name: string;
  metadata_version: ColumnType<string, never, string>;
  created_at: Timestamp;
}

export interface RecordsTable {
  workspace_id: string;
  id: string;
  module: string;
  number: string;
  owner_id: string | null;
  owner_group_id: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
  custom: ColumnType<Record<string, unknown>, string, string>;
  search_text: string;
  version: number;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  deleted_by: string | null;
}

export interface RecordCountersTable {
  workspace_id: string;
  module: string;
  last_value: ColumnType<string, number, number>;
}

export interface RecordHistoryTable {
  workspace_id: string;
  id: Generated<string>;
  record_id: string;
  module: string;
  version: number;
  action: 'created' | 'updated' | 'deleted' | 'restored';
  /** Read through fromStoredChanges (core/records/stored-changes.ts). */
  changes: ColumnType<StoredChanges, string, string>;
  changed_by: string | null;
  changed_at: Timestamp;
}

export interface HistoryChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** A history entry's changes as stored: the list, or a «created» entry's { field: value }. */
export type StoredChanges = HistoryChange[] | Record<string, unknown>;

export interface FieldDefinitionsTable {
  workspace_id: string;
  module: string;
  name: string;
  /** true: an admin's custom field; false: an override of a standard field (labels, options…). */
  is_custom: boolean;
  definition: ColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserCredentialsTable {
  workspace_id: string;
  user_id: string;
  password_hash: string;
  updated_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  workspace_id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  token_hash: string;
  workspace_id: string;
  id: string;
  user_id: string;
  name: string;
  created_at: Timestamp;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface LoginAttemptsTable {
  key: string;
  attempted_at: Timestamp;
  succeeded: boolean;
}

export interface ReminderJobsTable {
  workspace_id: string;
  id: Generated<string>;
  activity_id: string;
  occurrence_at: Timestamp;
  minutes_before: number;
  channels: string[];
  fire_at: Timestamp;
  fired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface NotificationsTable {
  workspace_id: string;
  id: Generated<string>;
  user_id: string;
  kind: 'reminder' | 'mention';
  title: string;
  module: string;
  record_id: string;
  source: string;
  created_at: Timestamp;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  email_status: 'pending' | 'sent' | 'failed' | null;
  email_leased_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  email_attempts: Generated<number>;
  occurs_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  late: Generated<boolean>;
}

export interface CalendarFeedTokensTable {
  token: string;
  workspace_id: string;
  user_id: string;
  created_at: Timestamp;
}

export interface SavedListsTable {
  workspace_id: string;
  id: string;
  module: string;
  owner_id: string;
  name: string;
  filter: ColumnType<unknown, string | null, string | null>;
  columns: ColumnType<string[] | null, string | null, string | null>;
  sort: string | null;
  shared: boolean;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserPreferencesTable {
  workspace_id: string;
  user_id: string;
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface ModuleLayoutsTable {
  workspace_id: string;
  module: string;
  blocks: ColumnType<{ name: string; label: { fa: string; en: string } }[], string, string>;
  updated_at: Timestamp;
}

export interface LeadAssignmentRulesTable {
  workspace_id: string;
  group_id: string;
  enabled: boolean;
  last_user_id: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface LeadConversionMappingsTable {
  workspace_id: string;
  target_module: 'organizations' | 'contacts' | 'opportunities';
  target_field: string;
  lead_field: string;
  position: number;
}

export interface Database {
  login_attempts: LoginAttemptsTable;
  workspaces: WorkspacesTable;
  records: RecordsTable;
  record_counters: RecordCountersTable;
  record_history: RecordHistoryTable;
  field_definitions: FieldDefinitionsTable;
  user_credentials: UserCredentialsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  reminder_jobs: ReminderJobsTable;
  notifications: NotificationsTable;
  calendar_feed_tokens: CalendarFeedTokensTable;
  saved_lists: SavedListsTable;
  user_preferences: UserPreferencesTable;
  module_layouts: ModuleLayoutsTable;
  lead_assignment_rules: LeadAssignmentRulesTable;
  lead_conversion_mappings: LeadConversionMappingsTable;
}
