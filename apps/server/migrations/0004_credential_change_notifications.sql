-- App servers cache who a session or API token belongs to. Whatever changes that answer
-- (a session ended, a token revoked, a user edited or deleted, the workspace's metadata
-- version bumped) announces it on one channel, and every server drops its cache.
-- PostgreSQL delivers one notification per transaction for identical payloads, so a
-- statement touching many rows still sends one.
create function notify_credential_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('peyvand_credentials_changed', '');
  return null;
end $$;

create trigger sessions_ended after delete on sessions
  for each row execute function notify_credential_change();

create trigger api_tokens_revoked after update of revoked_at or delete on api_tokens
  for each row execute function notify_credential_change();

create trigger users_changed after update or delete on records
  for each row when (old.module = 'users') execute function notify_credential_change();

create trigger workspace_metadata_changed after update of metadata_version on workspaces
  for each row execute function notify_credential_change();
