-- The pending-list limit moves from the GIN indexes (migration 0011) to each session, where it
-- can differ: requests keep lists small (core/db/database.ts sets 256 kB on every connection), so
-- searches and filters on `data` read little of them; an import's batches let them grow to 4 MB
-- and merge in fewer, bigger steps (a 100,000-row import ran 15 % faster), and the import merges
-- what is left when it ends. An index-level limit would override the session's.
alter index records_search reset (gin_pending_list_limit);
alter index records_data reset (gin_pending_list_limit);
alter index records_custom reset (gin_pending_list_limit);

-- Sessions the server does not set up itself (a transaction-pooling pgbouncer hands each
-- transaction whichever backend is free) take the same 256 kB from the database's own default,
-- where the role may set one (the database's owner); otherwise the connections' own setting is it.
do $$
begin
  execute format('alter database %I set gin_pending_list_limit = %L', current_database(), '256kB');
exception when insufficient_privilege then
  null;
end
$$;
