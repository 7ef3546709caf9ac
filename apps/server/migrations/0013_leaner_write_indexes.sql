-- A record written (by an import, a hundred thousand at a time) adds an entry to every index of
-- `records`, `record_history` and `import_rows`; three of those entries were never read.
--
-- The name-sort indexes (0010) now cover only the modules whose records have the field: a
-- contact stored an entry under a null `name`, an organization two under null person names.
-- A list query names its module, so the planner still picks them (test/migrations.test.ts
-- checks that the module lists here follow the modules' declarations).
drop index records_live_by_last_name;
drop index records_live_by_first_name;
drop index records_live_by_name;
create index records_live_by_last_name on records
  (workspace_id, module, (coalesce(data -> 'lastName', 'null'::jsonb)), id)
  where deleted_at is null and module in ('contacts', 'leads', 'users');
create index records_live_by_first_name on records
  (workspace_id, module, (coalesce(data -> 'firstName', 'null'::jsonb)), id)
  where deleted_at is null and module in ('contacts', 'leads', 'users');
create index records_live_by_name on records
  (workspace_id, module, (coalesce(data -> 'name', 'null'::jsonb)), id)
  where deleted_at is null and module in ('organizations', 'opportunities', 'groups');

-- Undo reads an import's rows in order, from the last one it handled, along the primary key:
-- the partial index of rows still to undo had an entry for every row an import created.
drop index import_rows_to_undo;

-- History is always read through its record (a record's history, a timeline's entries), so the
-- primary key leads with the record and serves those reads; the separate index is gone.
alter table record_history drop constraint record_history_pkey;
drop index record_history_by_record;
alter table record_history add primary key (workspace_id, record_id, id);
