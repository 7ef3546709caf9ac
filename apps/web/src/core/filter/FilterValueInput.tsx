import Autocomplete from '@mui/material/Autocomplete';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../locale/LocaleProvider';
import { DateInput } from '../form/inputs/DateInput';
import { ReferenceListPicker, ReferencePicker } from '../form/inputs/ReferenceInput';
import { LIST_OPERATORS } from './filterDraft';
import type { FilterableField } from './filterableFields';

interface Props {
  target: FilterableField;
  op: string;
  value: unknown;
  onChange(value: unknown): void;
  /** «Value» unless said otherwise («from», «to» for a range). */
  label?: string;
}

const CHOICE_TYPES = new Set(['picklist', 'multiPicklist']);
const DATE_TYPES = new Set(['date', 'datetime']);

/**
 * The value of one condition, with an input that fits the field and the operator: options
 * for picklists, a date picker for dates, a record picker for references, free text (any
 * digits) for the rest. The server parses it with the field's own schema.
 */
export function FilterValueInput({ target, op, value, onChange, label: caption }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { field, sub } = target;
  const many = LIST_OPERATORS.has(op);
  const text = caption ?? t('filter.value');

  if (op === 'between') {
    const [from, to] = Array.isArray(value) ? value : ['', ''];
    return (
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <FilterValueInput
          target={target}
          op="eq"
          value={from}
          onChange={(v) => onChange([v, to])}
          label={t('filter.from')}
        />
        <FilterValueInput
          target={target}
          op="eq"
          value={to}
          onChange={(v) => onChange([from, v])}
          label={t('filter.to')}
        />
      </Stack>
    );
  }
  if (!sub && (CHOICE_TYPES.has(field.type) || field.type === 'boolean')) {
    const options =
      field.type === 'boolean'
        ? [
            { value: true, text: t('common.yes') },
            { value: false, text: t('common.no') },
          ]
        : (field.options ?? []).map((o) => ({ value: o.value, text: label(o.label) }));
    if (many) {
      return (
        <Autocomplete
          multiple
          options={options.map((o) => o.value)}
          value={Array.isArray(value) ? value : []}
          onChange={(_, next) => onChange(next)}
          getOptionLabel={(v) => options.find((o) => o.value === v)?.text ?? String(v)}
          renderInput={(params) => <TextField {...params} label={text} />}
        />
      );
    }
    return (
      <TextField
        select
        label={text}
        value={value === '' || value === undefined ? '' : String(value)}
        onChange={(e) => onChange(options.find((o) => String(o.value) === e.target.value)?.value ?? '')}
      >
        {options.map((o) => (
          <MenuItem key={String(o.value)} value={String(o.value)}>
            {o.text}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  if (!sub && (field.type === 'reference' || field.type === 'referenceList') && field.target) {
    return many ? (
      <ReferenceListPicker
        target={field.target}
        label={text}
        value={Array.isArray(value) ? (value as string[]) : []}
        onChange={onChange}
      />
    ) : (
      <ReferencePicker
        target={field.target}
        label={text}
        value={typeof value === 'string' && value ? value : null}
        onChange={(v) => onChange(v ?? '')}
      />
    );
  }
  if (!sub && DATE_TYPES.has(field.type) && !many) {
    return (
      <DateInput
        field={field}
        label={text}
        value={typeof value === 'string' && value ? value : null}
        onChange={(v) => onChange(v ?? '')}
        errors={{}}
      />
    );
  }
  if (many) {
    return (
      <Autocomplete<string, true, false, true>
        multiple
        freeSolo
        options={[]}
        value={Array.isArray(value) ? (value as string[]) : []}
        onChange={(_, next) => onChange(next)}
        renderInput={(params) => <TextField {...params} label={text} helperText={t('filter.listHint')} />}
      />
    );
  }
  return (
    <TextField
      label={text}
      value={typeof value === 'string' ? value : String(value ?? '')}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
