import Autocomplete from '@mui/material/Autocomplete';
import Chip, { type ChipProps } from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../../api/http';
import { recordTitle } from '../../metadata/fields';
import type { ApiRecord, Page } from '../../metadata/types';
import { useModule } from '../../metadata/useModules';
import { useDebouncedValue } from '../../useDebouncedValue';
import { useReferenceTitle } from '../../records/useReferenceTitle';

interface Option {
  id: string;
  title: string;
}

/** Records of `target` matching what is typed, best first (the list API's quick search). */
export function useReferenceOptions(target: string, text: string, open: boolean) {
  const { module } = useModule(target);
  const q = useDebouncedValue(text.trim(), 200);
  return useQuery({
    queryKey: ['records', target, 'pick', q],
    queryFn: () => api.get<Page<ApiRecord>>(`/${target}${queryString({ q: q || undefined, limit: 20 })}`),
    enabled: open && Boolean(module),
    placeholderData: keepPreviousData,
    select: (page): Option[] => page.data.map((r) => ({ id: r.id, title: recordTitle(module!, r) || r.number })),
  });
}

interface Props {
  target: string;
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  error?: string;
  required?: boolean;
  autoFocus?: boolean;
  disabled?: boolean;
  name?: string;
}

/** Picks one record of another module by searching it: an organization for a contact, an owner… */
export function ReferencePicker({ target, label, value, onChange, error, required, autoFocus, disabled, name }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const options = useReferenceOptions(target, text, open);
  const current = useReferenceTitle(target, value);
  const selected: Option | null = value ? { id: value, title: current.title } : null;
  return (
    <Autocomplete<Option>
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      options={options.data ?? []}
      filterOptions={(list) => list}
      value={selected}
      onChange={(_, option) => onChange(option?.id ?? null)}
      onInputChange={(_, next, reason) => reason === 'input' && setText(next)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(o) => o.title}
      loading={options.isFetching}
      loadingText={t('common.loading')}
      noOptionsText={t('search.noResults')}
      disabled={disabled}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          error={Boolean(error)}
          helperText={error}
          required={required}
          autoFocus={autoFocus}
          slotProps={{ htmlInput: { ...params.inputProps, name } }}
        />
      )}
    />
  );
}

/** Several records of another module (a group's members, a user's groups). */
export function ReferenceListPicker({
  target,
  label,
  value,
  onChange,
  error,
  disabled,
}: Omit<Props, 'value' | 'onChange'> & { value: string[]; onChange(value: string[]): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const options = useReferenceOptions(target, text, open);
  return (
    <Autocomplete<string, true>
      multiple
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      options={(options.data ?? []).map((o) => o.id)}
      filterOptions={(list) => list}
      value={value}
      onChange={(_, next) => onChange(next)}
      onInputChange={(_, next, reason) => reason === 'input' && setText(next)}
      getOptionLabel={(id) => options.data?.find((o) => o.id === id)?.title ?? ''}
      renderValue={(ids, getItemProps) =>
        ids.map((id, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <ReferenceChip key={key} target={target} id={id} {...itemProps} />;
        })
      }
      loading={options.isFetching}
      loadingText={t('common.loading')}
      noOptionsText={t('search.noResults')}
      disabled={disabled}
      renderInput={(params) => <TextField {...params} label={label} error={Boolean(error)} helperText={error} />}
    />
  );
}

function ReferenceChip({ target, id, ...chipProps }: { target: string; id: string } & ChipProps) {
  const { title } = useReferenceTitle(target, id);
  return <Chip size="small" label={title || '…'} {...chipProps} />;
}
