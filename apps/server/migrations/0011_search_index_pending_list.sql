-- A search reads the trigram index's whole pending list (rows inserted or changed since it was
-- last merged into the index) on top of the index itself. At the default 4 MB, a steady flow
-- of writes made every search several times dearer until autovacuum caught up; at 512 kB the
-- list is merged more often, in smaller batches.
alter index records_search set (gin_pending_list_limit = 512);
