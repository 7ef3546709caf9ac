import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { CUSTOM_FIELD_TYPES, type CustomFieldType, type PicklistOption } from '@peyvand/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrorsOf, formErrorOf } from '../api/fieldErrors';
import type { FieldMeta, ModuleMeta } from '../core/metadata/types';
import { useModule, useModules } from '../core/metadata/useModules';
import { useLabel } from '../locale/LocaleProvider';
import { type FieldChanges, type NewOption, useMetadataMutations } from './metadataApi';
import { OptionsEditor } from './OptionsEditor';

const CHOICE_TYPES = new Set(['picklist', 'multiPicklist']);

/** Adds a custom field, or edits a field: labels, block, picklist values, quick create, required (custom only). */
export function FieldDialog({ module, field, onClose }: { module: ModuleMeta; field?: FieldMeta; onClose(): void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const { data: modules } = useModules();
  const { createField, changeField } = useMetadataMutations(module.name);
  const [name, setName] = useState('');
  const [type, setType] = useState<CustomFieldType>((field?.type as CustomFieldType) ?? 'text');
  const [fa, setFa] = useState(field?.label.fa ?? '');
  const [en, setEn] = useState(field?.label.en ?? '');
  const [block, setBlock] = useState(field?.block ?? module.blocks.at(-1)?.name ?? '');
  const [options, setOptions] = useState<PicklistOption[]>(field?.options ?? []);
  const [target, setTarget] = useState<string>(field?.target ?? 'contacts');
  const [quickCreate, setQuickCreate] = useState(field?.quickCreate ?? false);
  const [required, setRequired] = useState(field?.required ?? false);
  const save = field ? changeField : createField;
  const errors = fieldErrorsOf(save.error);
  const formError = formErrorOf(save.error, t('errors.unexpected'));
  const editableByAdmin = !field || field.custom;
  // Rows left without a Persian label are dropped, so the server's `options.N` counts only the rest.
  const kept = options.flatMap((option, index) => (option.label.fa.trim() ? [index] : []));
  const optionError = (index: number, attribute: string) => errors[`options.${kept.indexOf(index)}.${attribute}`];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes: FieldChanges = {
      label: { fa: fa.trim(), en: en.trim() || fa.trim() },
      block,
      quickCreate,
      ...(CHOICE_TYPES.has(type) && !field?.optionsFrom
        ? { options: kept.map((index) => withEnglish(options[index]!)) }
        : {}),
      ...(editableByAdmin ? { required } : {}),
    };
    if (field) changeField.mutate({ name: field.name, changes }, { onSuccess: onClose });
    else
      createField.mutate(
        { ...changes, label: changes.label!, name, type, ...(type === 'reference' ? { target } : {}) },
        { onSuccess: onClose },
      );
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" fullScreen={phone} aria-labelledby="field-dialog-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="field-dialog-title">
          {field ? t('fieldManager.editField', { field: label(field.label) }) : t('fieldManager.addField')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {formError && <Alert severity="error">{formError}</Alert>}
            <TextField
              label={t('fieldManager.labelFa')}
              value={fa}
              onChange={(e) => setFa(e.target.value)}
              error={Boolean(errors['label.fa'] ?? errors.label)}
              helperText={errors['label.fa'] ?? errors.label}
              required
              autoFocus
            />
            <TextField
              label={t('fieldManager.labelEn')}
              value={en}
              onChange={(e) => setEn(e.target.value)}
              slotProps={{ htmlInput: { dir: 'ltr' } }}
            />
            {!field && (
              <>
                <TextField
                  label={t('fieldManager.apiName')}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  error={Boolean(errors.name)}
                  helperText={errors.name ?? t('fieldManager.apiNameHint')}
                  required
                  slotProps={{ htmlInput: { dir: 'ltr', autoCapitalize: 'off', spellCheck: false, name: 'name' } }}
                />
                <TextField
                  select
                  label={t('fieldManager.type')}
                  value={type}
                  onChange={(e) => setType(e.target.value as CustomFieldType)}
                >
                  {CUSTOM_FIELD_TYPES.map((ft) => (
                    <MenuItem key={ft} value={ft}>
                      {t(`fieldTypes.${ft}`)}
                    </MenuItem>
                  ))}
                </TextField>
                {type === 'reference' && (
                  <TextField
                    select
                    label={t('fieldManager.target')}
                    value={target}
                    onChange={(e) => setTarget(e.target.value)}
                    error={Boolean(errors.target)}
                    helperText={errors.target}
                  >
                    {(modules ?? []).map((m) => (
                      <MenuItem key={m.name} value={m.name}>
                        {label(m.label.plural)}
                      </MenuItem>
                    ))}
                  </TextField>
                )}
              </>
            )}
            <TextField select label={t('fieldManager.block')} value={block} onChange={(e) => setBlock(e.target.value)}>
              {module.blocks.map((b) => (
                <MenuItem key={b.name} value={b.name}>
                  {label(b.label)}
                </MenuItem>
              ))}
            </TextField>
            {field?.optionsFrom ? (
              <SharedOptionsNote source={field.optionsFrom} onLeave={onClose} />
            ) : (
              CHOICE_TYPES.has(type) && (
                <OptionsEditor
                  options={options}
                  onChange={(next) => {
                    setOptions(next);
                    // The server's complaints name rows by position, which an edit or a move may change.
                    save.reset();
                  }}
                  attributes={field?.optionAttributes}
                  errorOf={optionError}
                />
              )
            )}
            {errors.options && <Alert severity="error">{errors.options}</Alert>}
            <FormControlLabel
              control={<Switch checked={quickCreate} onChange={(e) => setQuickCreate(e.target.checked)} />}
              label={t('fieldManager.quickCreate')}
            />
            {editableByAdmin && (
              <FormControlLabel
                control={<Switch checked={required} onChange={(e) => setRequired(e.target.checked)} />}
                label={t('fieldManager.required')}
              />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" loading={save.isPending} disabled={!fa.trim() || (!field && !name)}>
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Where a shared list (FieldDef.optionsFrom) is edited: its own field, a click away. */
function SharedOptionsNote({ source, onLeave }: { source: NonNullable<FieldMeta['optionsFrom']>; onLeave(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = useLabel();
  const { module: home } = useModule(source.module);
  const homeField = home?.fields.find((f) => f.name === source.field);
  if (!home || !homeField) return null;
  const where = { field: label(homeField.label), module: label(home.label.plural) };
  const to = `/settings/fields/${source.module}?field=${source.field}`;
  return (
    <Alert severity="info">
      {t('fieldManager.sharedOptions', where)}{' '}
      <Link
        href={to}
        onClick={(event) => {
          // This dialog closes first, then the other module's page opens with that field's dialog.
          event.preventDefault();
          onLeave();
          void navigate(to);
        }}
      >
        {t('fieldManager.editSharedOptions', where)}
      </Link>
    </Alert>
  );
}

/** A new option without an English label gets the Persian one, so it is never blank in English. */
function withEnglish({ value, ...option }: PicklistOption): NewOption {
  const fa = option.label.fa.trim();
  const en = option.label.en.trim() || fa;
  // A new option has no value yet: the server makes one from its English label.
  return { ...option, ...(value ? { value } : {}), label: { fa, en } };
}
