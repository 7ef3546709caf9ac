-- Why an import (or its undo) failed, as a message code and its parameters, so the status shows
-- it in the reader's language. `error` keeps the technical text, which only the log showed before.
alter table imports add column error_code text, add column error_params jsonb;
update imports set error_code = 'import_attempt_failed' where error is not null;
