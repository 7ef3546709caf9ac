import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import EditIcon from '@mui/icons-material/EditOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, formErrorOf } from '../../api/fieldErrors';
import { isConflict } from '../../api/problem';
import { useLabel, useLocale } from '../../locale/LocaleProvider';
import { FieldValue } from '../display/FieldValue';
import { ConflictAlert } from '../form/ConflictAlert';
import { requiredOneOfFields } from '../form/formFields';
import { toBody, toInputValue } from '../form/formValues';
import { FieldInput } from '../form/inputs/FieldInput';
import { validate } from '../form/validation';
import { valueOf } from '../metadata/fields';
import type { FieldMeta } from '../metadata/types';
import { recordKeys, recordsApi } from '../records/recordsApi';
import type { RecordPartProps } from './recordPartProps';

interface Props extends RecordPartProps {
  field: FieldMeta;
  editable: boolean;
}

/**
 * One field of the record page: its value, and in place an input to change it. The change is
 * saved with the record's version, so an edit made meanwhile by someone else is not overwritten.
 */
export function InlineField({ module, record, field, editable, onReload }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<unknown>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      recordsApi.update(module.name, record.id, { ...body, version: record.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(recordKeys.one(module.name, record.id), saved);
      void queryClient.invalidateQueries({ queryKey: recordKeys.module(module.name), refetchType: 'none' });
      setEditing(false);
    },
  });
  const name = label(field.label);
  const start = () => {
    setValue(toInputValue(field, valueOf(record, field), record, format));
    setClientErrors({});
    save.reset();
    setEditing(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = { [field.filterPath]: value };
    // «At least a first or a last name» applies when the other one is already empty.
    const oneOf = requiredOneOfFields(module);
    const othersEmpty = oneOf.every((f) => f === field || valueOf(record, f) === null || valueOf(record, f) === '');
    const found = validate([field], values, format.language, oneOf.includes(field) && othersEmpty ? [field] : []);
    setClientErrors(found);
    if (Object.keys(found).length === 0) save.mutate(toBody([field], values, 'update'));
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setEditing(false);
  };

  if (!editing) {
    return (
      <Stack
        direction="row"
        alignItems="flex-start"
        spacing={1}
        sx={{ py: 1, borderBottom: 1, borderColor: 'divider', minHeight: 56 }}
      >
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography component="dt" variant="caption" color="text.secondary">
            {name}
          </Typography>
          <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
            <FieldValue field={field} value={valueOf(record, field)} typed={record.typed?.[field.name]} />
          </Typography>
        </Box>
        {editable && (
          <IconButton size="small" aria-label={t('record.editField', { field: name })} onClick={start}>
            <EditIcon fontSize="small" />
          </IconButton>
        )}
      </Stack>
    );
  }
  const errors = { ...fieldErrorsOf(save.error), ...clientErrors };
  const formError = isConflict(save.error) ? null : formErrorOf(save.error, t('errors.unexpected'));
  return (
    <Box
      component="form"
      onSubmit={submit}
      onKeyDown={cancelOnEscape}
      noValidate
      sx={{ py: 1 }}
      aria-label={t('record.editField', { field: name })}
    >
      {isConflict(save.error) && (
        <Box sx={{ mb: 1 }}>
          <ConflictAlert
            onReload={() => {
              setEditing(false);
              onReload();
            }}
          />
        </Box>
      )}
      {formError && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {formError}
        </Alert>
      )}
      <Stack direction="row" spacing={1} alignItems="flex-start">
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <FieldInput
            field={field}
            label={name}
            value={value}
            onChange={setValue}
            errors={errors}
            autoFocus
            disabled={save.isPending}
          />
        </Box>
        <IconButton type="submit" color="primary" aria-label={t('common.save')} disabled={save.isPending}>
          <CheckIcon />
        </IconButton>
        <IconButton aria-label={t('common.cancel')} onClick={() => setEditing(false)}>
          <CloseIcon />
        </IconButton>
      </Stack>
    </Box>
  );
}
