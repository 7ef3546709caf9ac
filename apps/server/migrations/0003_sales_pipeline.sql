-- Sales pipeline (issue 4): who gets the next new lead, how a lead's fields flow into the
-- records its conversion creates, and an index for the pipeline board's close-date filter.
-- Opportunities are records (module 'opportunities') and need no table of their own.

-- Round-robin assignment of new leads, one rule per workspace. `last_user_id` is the member who
-- got the last lead; the next one goes to the next active member after them in id order, so a
-- member joining or leaving never resets the cycle. Every lead's create transaction locks this
-- row (FOR UPDATE) to take its turn, so several app servers hand out turns one at a time.
create table lead_assignment_rules (
  workspace_id uuid not null references workspaces (id),
  group_id uuid not null,
  enabled boolean not null,
  last_user_id uuid,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (workspace_id)
);

-- The admin's lead conversion mapping: a lead field copied into a field of the organization,
-- contact or opportunity a conversion creates. Fields are named as in filters (`custom.budget`);
-- a target field takes its value from one lead field.
create table lead_conversion_mappings (
  workspace_id uuid not null references workspaces (id),
  target_module text not null check (target_module in ('organizations', 'contacts', 'opportunities')),
  target_field text not null,
  lead_field text not null,
  position integer not null,
  primary key (workspace_id, target_module, target_field)
);

-- The pipeline board and the forecast filter opportunities by expected close date; the
-- expression is the one the filter compiler writes for date comparisons.
create index opportunities_by_close_date on records
  (workspace_id, (data ->> 'expectedCloseDate') collate "C")
  where module = 'opportunities' and deleted_at is null;
