-- Peyvand core schema.
-- Every table leads with workspace_id (the tenant) in its keys and indexes, and no foreign key
-- crosses tenants, so the schema can be distributed by workspace (Citus-style) later.
-- Business records of every module share one table: a module's standard fields live in `data`,
-- an admin's custom fields in `custom`, both jsonb, so adding a module or a field needs no DDL.

create extension if not exists pg_trgm;

create table workspaces (
  id uuid primary key,
  name text not null,
  -- bumped on every metadata change, so each app server knows when its cached metadata is stale
  metadata_version bigint not null default 0,
  created_at timestamptz not null default now()
);

insert into workspaces (id, name) values ('00000000-0000-4000-8000-000000000001', 'Peyvand');

create table records (
  workspace_id uuid not null references workspaces (id),
  id uuid not null,
  module text not null,
  number text not null,
  owner_id uuid,
  owner_group_id uuid,
  data jsonb not null default '{}',
  custom jsonb not null default '{}',
  -- normalised (Persian letters, digits, ZWNJ, diacritics) text of the searchable fields
  search_text text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  deleted_at timestamptz,
  deleted_by uuid,
  primary key (workspace_id, id),
  unique (workspace_id, module, number)
);

-- default list order (newest change first) over live records, served for keyset paging
create index records_live_by_updated on records (workspace_id, module, updated_at desc, id desc) where deleted_at is null;
create index records_live_by_created on records (workspace_id, module, created_at desc, id desc) where deleted_at is null;
create index records_recycle_bin on records (workspace_id, deleted_at desc, id desc) where deleted_at is not null;
create index records_owner on records (workspace_id, module, owner_id) where deleted_at is null;
-- equality filters on standard and custom fields compile to jsonb containment (@>), served here
create index records_data on records using gin (data jsonb_path_ops);
create index records_custom on records using gin (custom jsonb_path_ops);
create index records_search on records using gin (search_text gin_trgm_ops);
-- a user's e-mail is the login; unique per workspace among live users
create unique index users_email on records (workspace_id, lower(data ->> 'email'))
  where module = 'users' and deleted_at is null;

create table record_counters (
  workspace_id uuid not null references workspaces (id),
  module text not null,
  last_value bigint not null,
  primary key (workspace_id, module)
);

create table record_history (
  workspace_id uuid not null,
  id bigint generated always as identity,
  record_id uuid not null,
  module text not null,
  version integer not null,
  action text not null check (action in ('created', 'updated', 'deleted', 'restored')),
  changes jsonb not null default '[]',
  changed_by uuid,
  changed_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create index record_history_by_record on record_history (workspace_id, record_id, id desc);

create table field_definitions (
  workspace_id uuid not null references workspaces (id),
  module text not null,
  name text not null,
  is_custom boolean not null,
  definition jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, module, name)
);

create table user_credentials (
  workspace_id uuid not null,
  user_id uuid not null,
  password_hash text not null,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);

-- Looked up by the hash of the secret the client holds; the secret itself is never stored.
create table sessions (
  token_hash text primary key,
  workspace_id uuid not null,
  user_id uuid not null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_by_user on sessions (workspace_id, user_id);
create index sessions_by_expiry on sessions (expires_at);

create table api_tokens (
  token_hash text primary key,
  workspace_id uuid not null,
  id uuid not null,
  user_id uuid not null,
  name text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  unique (workspace_id, id)
);
create index api_tokens_by_user on api_tokens (workspace_id, user_id);

-- Login throttling lives in the database so every app server counts the same attempts.
create table login_attempts (
  key text not null,
  attempted_at timestamptz not null default now(),
  succeeded boolean not null
);
create index login_attempts_by_key on login_attempts (key, attempted_at desc);
