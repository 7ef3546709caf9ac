-- Why an import (or its undo) failed, as a message code and its parameters, so the status shows
-- it in the reader's language. `error` keeps the technical text, which only the log showed before.
alter table imports add column error_code text, add column error_params jsonb;
-- Failures from before: a quote left open names its row; any other is told as a failure alone.
update imports
set error_code = 'quote_not_closed',
    error_params = jsonb_build_object('row', (substring(error from '^Row ([0-9]+): a quoted cell'))::int)
where error ~ '^Row [0-9]+: a quoted cell';
update imports set error_code = 'import_failed' where error is not null and error_code is null;
