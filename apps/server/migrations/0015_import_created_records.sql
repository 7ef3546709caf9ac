-- Records an import created because its rows named them and they did not exist yet: the
-- organization named in a contact's row, as vtiger and SuiteCRM create it. They are made before
-- the rows, and undo takes them back with the rows.
create table import_created_records (
  import_id uuid not null references imports (id) on delete cascade,
  record_id uuid not null,
  module text not null,
  undone boolean not null default false,
  primary key (import_id, record_id)
);
