-- What each merge changed, so it can be undone exactly: the survivor's values before it took the
-- picked ones, the records merged away, and every related record whose reference or link moved.
create table record_merges (
  workspace_id uuid not null,
  id uuid not null,
  module text not null,
  survivor_id uuid not null,
  merged_ids uuid[] not null,
  -- { data, custom, owner_id, owner_group_id } of the survivor before the merge
  survivor_before jsonb not null,
  -- [{ module, id, field, before, after }]: a field of a related record, as it was and as the merge left it
  moved jsonb not null default '[]',
  merged_by uuid,
  merged_at timestamptz not null default now(),
  undone_at timestamptz,
  primary key (workspace_id, id)
);
create index record_merges_by_merged on record_merges using gin (merged_ids) where undone_at is null;
