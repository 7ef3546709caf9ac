-- Activities and notes are records (module 'activities' / 'notes'); what they link to lives in
-- their `data` as [{ module, id }] and is found through the GIN index records_data (@>).

-- My agenda and calendar: activities by owner, ordered by when they fall due (or start).
create index activities_by_owner_due on records
  (workspace_id, owner_id, (coalesce(data ->> 'dueAt', data ->> 'startsAt')) collate "C")
  where module = 'activities' and deleted_at is null;

-- One row per reminder to send: the activity's write replaces its unfired rows, and any app
-- server takes due rows with FOR UPDATE SKIP LOCKED, so each fires once. The due index is
-- global on purpose: the scheduler looks for due rows across workspaces.
create table reminder_jobs (
  workspace_id uuid not null,
  id bigint generated always as identity,
  activity_id uuid not null,
  -- the start (or due time) of the occurrence reminded of; recurring series get one row per occurrence
  occurrence_at timestamptz not null,
  minutes_before integer not null,
  channels text[] not null,
  fire_at timestamptz not null,
  fired_at timestamptz,
  primary key (workspace_id, id),
  unique (workspace_id, activity_id, occurrence_at, minutes_before)
);
create index reminder_jobs_due on reminder_jobs (fire_at) where fired_at is null;

create table notifications (
  workspace_id uuid not null,
  id bigint generated always as identity,
  user_id uuid not null,
  kind text not null check (kind in ('reminder', 'mention')),
  title text not null,
  -- the record it is about
  module text not null,
  record_id uuid not null,
  -- what caused it, e.g. 'reminder:42': a cause notifies a user at most once
  source text not null,
  -- the start (or due time) of the occurrence a reminder is about, for its e-mail and the
  -- notification centre; late: fired well after its time (the servers were down meanwhile)
  occurs_at timestamptz,
  late boolean not null default false,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  -- e-mail outbox: 'pending' rows are leased by one server (email_leased_until), sent, then 'sent'
  email_status text check (email_status in ('pending', 'sent', 'failed')),
  email_leased_until timestamptz,
  email_attempts integer not null default 0,
  primary key (workspace_id, id),
  unique (workspace_id, user_id, source)
);
create index notifications_by_user on notifications (workspace_id, user_id, id desc);
create index notifications_email_pending on notifications (id) where email_status = 'pending';

-- Every app server LISTENs here to push new notifications to the browsers connected to it. The
-- payload names the workspace, user and notification, so each server pushes it only to the
-- streams it has open for that user, reading the one row.
create function notify_notification_created() returns trigger language plpgsql as $$
begin
  perform pg_notify('peyvand_notifications', new.workspace_id || ':' || new.user_id || ':' || new.id);
  return null;
end $$;
create trigger notifications_created after insert on notifications
  for each row execute function notify_notification_created();

-- One live feed URL per user, shown again on every visit: the token is kept as it is, not hashed.
-- It only reads the user's own calendar and is replaced by rotation (Google Calendar's "secret
-- address" works the same way).
create table calendar_feed_tokens (
  workspace_id uuid not null,
  user_id uuid not null,
  token text not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);
-- The URL carries only the token, so it is looked up across workspaces.
create unique index calendar_feed_tokens_by_token on calendar_feed_tokens (token);
