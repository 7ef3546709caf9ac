-- A GIN index keeps rows inserted or changed since its last clean-up in a pending list, and every
-- query using the index reads that whole list on top of the index itself. At the default 4 MB,
-- a steady flow of writes made each search and each filter on `data` dearer and dearer until
-- vacuum caught up: a phone looked up by containment on `data` read 256 pages of pending list
-- (15 ms instead of 0.5). Smaller lists are merged more often, in smaller batches.
alter index records_search set (gin_pending_list_limit = 512);
alter index records_data set (gin_pending_list_limit = 256);
alter index records_custom set (gin_pending_list_limit = 256);
