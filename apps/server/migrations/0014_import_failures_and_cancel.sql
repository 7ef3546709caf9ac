-- An import whose attempt ended in an error that is not about one row (a bug, the database
-- refusing something the checks did not foresee) was taken up again at every lapsed lease, for
-- ever, and showed as running all the while. `failures` counts such attempts since the job last
-- moved on; the third fails the import with the error, which the user then sees.
alter table imports add column failures integer not null default 0;

-- A user can stop an import that is waiting or running; what it stored so far stays, and can be
-- undone like a finished import's.
alter table imports drop constraint imports_status_check;
alter table imports add constraint imports_status_check
  check (status in ('queued', 'running', 'completed', 'failed', 'cancelled', 'undoing', 'undone'));
