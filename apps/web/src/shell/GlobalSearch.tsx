import SearchIcon from '@mui/icons-material/Search';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, queryString } from '../api/http';
import { useModules } from '../core/metadata/useModules';
import { useDebouncedValue } from '../core/useDebouncedValue';
import { useLabel, useLocale } from '../locale/LocaleProvider';

interface SearchHit {
  module: string;
  id: string;
  number: string;
  title: string;
}

/**
 * Searches every searchable module as you type; results are grouped by module and reached
 * with the arrow keys, Enter opens one.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  const navigate = useNavigate();
  const { data: modules } = useModules();
  const [input, setInput] = useState('');
  const q = useDebouncedValue(input.trim(), 200);
  const results = useQuery({
    queryKey: ['search', q],
    queryFn: () => api.get<{ data: SearchHit[] }>(`/search${queryString({ q, limit: 30 })}`).then((r) => r.data),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const moduleLabel = (name: string) => {
    const module = modules?.find((m) => m.name === name);
    return module ? label(module.label.plural) : name;
  };
  // Grouping needs the hits of one module side by side; the server ranks them best first.
  const hits = [...(q ? (results.data ?? []) : [])].sort(
    (a, b) =>
      (modules?.findIndex((m) => m.name === a.module) ?? 0) - (modules?.findIndex((m) => m.name === b.module) ?? 0),
  );

  return (
    <Autocomplete<SearchHit, false, false, true>
      freeSolo
      sx={{ width: '100%', maxWidth: 560 }}
      options={hits}
      filterOptions={(options) => options}
      groupBy={(hit) => moduleLabel(hit.module)}
      getOptionLabel={(hit) => (typeof hit === 'string' ? hit : hit.title)}
      getOptionKey={(hit) => (typeof hit === 'string' ? hit : hit.id)}
      inputValue={input}
      onInputChange={(_, value, reason) => reason !== 'reset' && setInput(value)}
      value={null}
      onChange={(_, hit) => {
        if (hit && typeof hit !== 'string') {
          setInput('');
          void navigate(`/${hit.module}/${hit.id}`);
        }
      }}
      loading={results.isFetching}
      loadingText={t('common.loading')}
      noOptionsText={q ? t('search.noResults') : t('search.typeToSearch')}
      renderOption={({ key, ...props }, hit) => (
        <Box component="li" key={key} {...props} sx={{ display: 'flex', gap: 1, justifyContent: 'space-between' }}>
          <span>{hit.title || format.digits(hit.number)}</span>
          <Typography component="span" variant="caption" color="text.secondary" dir="ltr">
            {hit.number}
          </Typography>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          placeholder={t('search.placeholder')}
          sx={{ '& .MuiOutlinedInput-root': { bgcolor: 'background.paper', borderRadius: 5 } }}
          slotProps={{
            htmlInput: { ...params.inputProps, 'aria-label': t('search.label') },
            input: {
              ...params.InputProps,
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
      )}
    />
  );
}
