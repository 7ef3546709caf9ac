-- Imports (issue 6). An import is a job in the database: the uploaded file is stored here, so
-- whichever app server claims the job (FOR UPDATE SKIP LOCKED, with a lease) can process it, and
-- a server killed midway leaves a job another one resumes from its last committed batch.
create table imports (
  workspace_id uuid not null references workspaces (id),
  id uuid primary key,
  module text not null,
  -- queued → running → completed | failed; completed → undoing → undone
  status text not null default 'queued'
    check (status in ('queued', 'running', 'completed', 'failed', 'undoing', 'undone')),
  file_name text not null,
  file_format text not null check (file_format in ('csv', 'xlsx', 'vcf')),
  file bytea not null,
  -- mapping, onDuplicate, matchOn, sheet: what the user chose
  options jsonb not null,
  -- the source's header row, for the error report in the same layout
  columns jsonb not null default '[]',
  -- data rows read so far; every row before it has its outcome in import_rows
  next_row integer not null default 0,
  imported integer not null default 0,
  updated integer not null default 0,
  skipped integer not null default 0,
  failed integer not null default 0,
  total_rows integer,
  undone integer not null default 0,
  error text,
  -- the server working on it holds the lease until then; a lapsed lease lets another take over
  lease_until timestamptz,
  lease_token uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index imports_pending on imports (created_at) where status in ('queued', 'running', 'undoing');
create index imports_by_workspace on imports (workspace_id, created_at desc);

-- What happened to each data row, written in the same transaction as the row's record, so the
-- counts, the error report and undo always agree with the records.
create table import_rows (
  import_id uuid not null references imports (id) on delete cascade,
  row_number integer not null,
  outcome text not null check (outcome in ('created', 'updated', 'skipped', 'failed')),
  record_id uuid,
  -- updated rows: the fields the import changed, with their values before and after, for undo
  changes jsonb,
  -- failed rows: the source cells and the reasons, for the error report
  cells jsonb,
  reasons jsonb,
  undone boolean not null default false,
  primary key (import_id, row_number)
);
create index import_rows_to_undo on import_rows (import_id, row_number) where outcome in ('created', 'updated') and not undone;
