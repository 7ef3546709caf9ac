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
  changes: ColumnType<HistoryChange[], string, string>;
  changed_by: string | null;
  changed_at: Timestamp;
}

export interface HistoryChange {
  field: string;
  from: unknown;
  to: unknown;
}

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
}
