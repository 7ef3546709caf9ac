-- Lists sorted by name. A list sorted by a data field orders by coalesce(data -> 'field',
-- 'null'::jsonb) then id (core/records/sort.ts); without an index PostgreSQL read and sorted every
-- live record of the module for each page: ~200 ms at 100,000 contacts, against well under a
-- millisecond with one. The names people sort by: lastName/firstName (contacts, leads, users),
-- name (organizations, opportunities). Ascending and descending pages both walk these indexes.
create index records_live_by_last_name on records
  (workspace_id, module, (coalesce(data -> 'lastName', 'null'::jsonb)), id) where deleted_at is null;
create index records_live_by_first_name on records
  (workspace_id, module, (coalesce(data -> 'firstName', 'null'::jsonb)), id) where deleted_at is null;
create index records_live_by_name on records
  (workspace_id, module, (coalesce(data -> 'name', 'null'::jsonb)), id) where deleted_at is null;
