import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, formErrorOf } from '../../../api/fieldErrors';
import { PageHeader } from '../../../core/PageHeader';
import type { ModuleMeta } from '../../../core/metadata/types';
import { useModules } from '../../../core/metadata/useModules';
import { AdminOnly } from '../../../settings/AdminOnly';
import { PageLoader } from '../../../shell/PageLoader';
import { useNotify } from '../../../shell/Notifier';
import { type ConversionMapping, leadSettingsApi, leadSettingsKeys } from './leadSettingsApi';
import { leadSources } from './mappableFields';
import { MappingRow } from './MappingRow';

/** `/settings/lead-conversion`: which lead fields a conversion copies into which new record's fields. */
export function ConversionMappingPage() {
  const { t } = useTranslation();
  const modules = useModules();
  const mapping = useQuery({ queryKey: leadSettingsKeys.mapping, queryFn: leadSettingsApi.mapping });
  return (
    <AdminOnly>
      <PageHeader title={t('sales.mapping.title')} subtitle={t('sales.mapping.subtitle')} />
      <Box sx={{ px: { xs: 2, sm: 3 }, pb: 3, maxWidth: 1000 }}>
        {mapping.isError || modules.isError ? (
          <Alert severity="error">{t('errors.loadFailed')}</Alert>
        ) : mapping.data && modules.data ? (
          <MappingEditor modules={modules.data} saved={mapping.data.mappings} />
        ) : (
          <PageLoader />
        )}
      </Box>
    </AdminOnly>
  );
}

function MappingEditor({ modules, saved }: { modules: ModuleMeta[]; saved: ConversionMapping[] }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<ConversionMapping[]>(saved);
  const sources = leadSources(modules.find((m) => m.name === 'leads')!);
  const save = useMutation({
    mutationFn: () => leadSettingsApi.saveMapping(rows),
    onSuccess: (result) => {
      queryClient.setQueryData(leadSettingsKeys.mapping, result);
      notify({ severity: 'success', message: t('form.saved') });
    },
  });
  const errors = fieldErrorsOf(save.error);
  const formError = formErrorOf(save.error, t('errors.unexpected'));
  const newRow: ConversionMapping = { leadField: '', targetModule: 'opportunities', targetField: '' };
  return (
    <Stack spacing={2}>
      {formError && <Alert severity="error">{formError}</Alert>}
      {rows.length === 0 && <Typography color="text.secondary">{t('sales.mapping.empty')}</Typography>}
      <Stack component="ul" spacing={2} sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {rows.map((row, index) => (
          <MappingRow
            // Rows have no identity of their own; their place is what the server's errors name.
            key={index}
            index={index}
            mapping={row}
            sources={sources}
            modules={modules}
            errors={errors}
            onChange={(next) => setRows((all) => all.map((r, i) => (i === index ? next : r)))}
            onRemove={() => setRows((all) => all.filter((_, i) => i !== index))}
          />
        ))}
      </Stack>
      <Stack direction="row" spacing={1} justifyContent="space-between">
        <Button startIcon={<AddIcon />} onClick={() => setRows((all) => [...all, newRow])}>
          {t('sales.mapping.add')}
        </Button>
        <Button variant="contained" loading={save.isPending} onClick={() => save.mutate()}>
          {t('common.save')}
        </Button>
      </Stack>
    </Stack>
  );
}
