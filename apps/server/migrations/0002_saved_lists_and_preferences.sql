-- What users keep for themselves beside records: saved lists ("contacts in Tehran"), free-form
-- preferences of the web app (chosen columns, page sizes), and each module's block layout as an
-- admin arranged it. Like every table, each leads with workspace_id.

create table saved_lists (
  workspace_id uuid not null references workspaces (id),
  id uuid not null,
  module text not null,
  owner_id uuid not null,
  name text not null,
  -- the API's filter tree, column names and sort text, exactly as POST /{module}/query takes them
  filter jsonb,
  columns jsonb,
  sort text,
  shared boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
-- one owner cannot have two lists of a module whose names differ only in case
create unique index saved_lists_name on saved_lists (workspace_id, owner_id, module, lower(name));
create index saved_lists_by_module on saved_lists (workspace_id, module);

create table user_preferences (
  workspace_id uuid not null references workspaces (id),
  user_id uuid not null,
  key text not null,
  value jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, user_id, key)
);

-- The blocks of a module's record page in display order, with their labels; a module without a
-- row shows the blocks its declaration lists.
create table module_layouts (
  workspace_id uuid not null references workspaces (id),
  module text not null,
  blocks jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, module)
);
