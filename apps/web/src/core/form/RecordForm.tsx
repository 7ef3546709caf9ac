import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, formErrorOf } from '../../api/fieldErrors';
import { isConflict } from '../../api/problem';
import { useLabel, useLocale } from '../../locale/LocaleProvider';
import type { Address } from '../display/address';
import { fieldsByBlock } from '../metadata/fields';
import type { ApiRecord, FieldMeta, ModuleMeta } from '../metadata/types';
import { recordKeys, recordsApi } from '../records/recordsApi';
import { ConflictAlert } from './ConflictAlert';
import { requiredOneOfFields } from './formFields';
import { type FormValues, initialValues, toBody } from './formValues';
import { FieldInput } from './inputs/FieldInput';
import { isWide } from './layout';
import { mirrorSourceOf } from './mirrors';
import { validate } from './validation';
import { useDuplicateGuard } from '../../duplicates/DuplicateWarning';

interface Props {
  module: ModuleMeta;
  fields: FieldMeta[];
  /** The record being edited; a new one is created without it. */
  record?: ApiRecord;
  /** Blocks as the layout says (full forms), or one plain column (quick add). */
  grouped: boolean;
  onSaved(record: ApiRecord): void;
  onCancel?(): void;
  /** After a 409: fetch the record again (the form is then rebuilt from it). */
  onReload?(): void;
  /** Starting values of a new record by field path, e.g. the organization of a contact added from it. */
  defaults?: FormValues;
}

/** The create and edit form of any module, generated from its metadata. */
export function RecordForm({ module, fields, record, grouped, onSaved, onCancel, onReload, defaults }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<FormValues>(() => ({ ...initialValues(fields, record, format), ...defaults }));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [mirrored, setMirrored] = useState<Record<string, boolean>>(() => initialMirrors(fields, record));

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      record
        ? recordsApi.update(module.name, record.id, { ...body, version: record.version })
        : recordsApi.create(module.name, body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: recordKeys.module(module.name) });
      onSaved(saved);
    },
  });
  const duplicates = useDuplicateGuard(module);
  const errors = { ...fieldErrorsOf(save.error), ...clientErrors };
  const formError = isConflict(save.error) ? null : formErrorOf(save.error, t('errors.unexpected'));

  const withMirrors = (current: FormValues): FormValues => {
    const next = { ...current };
    for (const field of fields) {
      const source = mirrorSourceOf(field, fields);
      if (source && mirrored[field.filterPath]) {
        const copy = current[source.filterPath] as Address | null;
        next[field.filterPath] = copy ? { ...copy, kind: 'shipping' } : null;
      }
    }
    return next;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const final = withMirrors(values);
    const found = validate(
      fields,
      final,
      format.language,
      requiredOneOfFields(module).filter((f) => fields.includes(f)),
    );
    setClientErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`)?.focus();
      return;
    }
    const body = toBody(fields, final, record ? 'update' : 'create');
    if (record) save.mutate(body);
    else duplicates.guard(body, () => save.mutate(body));
  };

  const input = (field: FieldMeta, index: number) => {
    const source = mirrorSourceOf(field, fields);
    return (
      <Box key={field.filterPath} sx={{ gridColumn: isWide(field) ? '1 / -1' : undefined, minWidth: 0 }}>
        <FieldInput
          field={field}
          label={label(field.label)}
          value={values[field.filterPath]}
          onChange={(value) => {
            setValues((v) => ({ ...v, [field.filterPath]: value }));
            setClientErrors(({ [field.filterPath]: _, ...rest }) => rest);
          }}
          errors={errors}
          autoFocus={index === 0 && !record}
          disabled={save.isPending}
          mirror={
            source && {
              sourceLabel: label(source.label),
              source: values[source.filterPath] as Address | null,
              on: Boolean(mirrored[field.filterPath]),
              onToggle: (on) => setMirrored((m) => ({ ...m, [field.filterPath]: on })),
            }
          }
        />
      </Box>
    );
  };
  const grid = (children: ReactNode) => (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: grouped ? '1fr 1fr' : '1fr' } }}>
      {children}
    </Box>
  );

  let position = 0;
  return (
    <Stack
      component="form"
      ref={formRef}
      spacing={2}
      onSubmit={submit}
      noValidate
      aria-label={label(module.label.singular)}
    >
      {isConflict(save.error) && <ConflictAlert onReload={() => onReload?.()} />}
      {formError && <Alert severity="error">{formError}</Alert>}
      {grouped
        ? fieldsByBlock(module, fields).map(({ block, fields: blockFields }) => (
            <Paper key={block?.name ?? ''} variant="outlined" component="section" sx={{ p: { xs: 2, sm: 3 } }}>
              <Typography variant="subtitle1" component="h2" fontWeight={700} sx={{ mb: 2 }}>
                {block ? label(block.label) : t('record.otherBlock')}
              </Typography>
              {grid(blockFields.map((f) => input(f, position++)))}
            </Paper>
          ))
        : grid(fields.map((f) => input(f, position++)))}
      {duplicates.warning}
      <Stack
        direction="row"
        spacing={1}
        justifyContent="flex-end"
        sx={{
          position: grouped ? 'sticky' : undefined,
          bottom: 0,
          py: 1,
          bgcolor: grouped ? 'background.default' : undefined,
        }}
      >
        {onCancel && (
          <Button onClick={onCancel} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
        )}
        <Button type="submit" variant="contained" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Stack>
    </Stack>
  );
}

/** A stored shipping address equal to its source starts with "same as" on. */
function initialMirrors(fields: FieldMeta[], record: ApiRecord | undefined): Record<string, boolean> {
  const on: Record<string, boolean> = {};
  for (const field of fields) {
    const source = mirrorSourceOf(field, fields);
    if (!source) continue;
    const a = record?.[source.name] as Address | null | undefined;
    const b = record?.[field.name] as Address | null | undefined;
    on[field.filterPath] =
      !record || (Boolean(a) && JSON.stringify({ ...a, kind: '' }) === JSON.stringify({ ...b, kind: '' }));
  }
  return on;
}
