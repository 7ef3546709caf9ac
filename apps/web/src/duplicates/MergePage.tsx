import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Radio from '@mui/material/Radio';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { formErrorOf } from '../api/fieldErrors';
import { useLabel } from '../locale/LocaleProvider';
import { useNotify } from '../shell/Notifier';
import { ModuleNotFound } from '../core/ModuleNotFound';
import { PageHeader } from '../core/PageHeader';
import { FieldValue } from '../core/display/FieldValue';
import { recordTitle, valueOf } from '../core/metadata/fields';
import type { ApiRecord, FieldMeta } from '../core/metadata/types';
import { useModule } from '../core/metadata/useModules';
import { recordKeys, recordsApi } from '../core/records/recordsApi';
import { duplicatesApi } from './duplicatesApi';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * `/:module/merge?ids=a,b,c`: the records side by side; the user picks the one that stays and,
 * for each field where they differ, whose value it keeps.
 */
export function MergePage() {
  const { t } = useTranslation();
  const label = useLabel();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { module: name } = useParams();
  const [search] = useSearchParams();
  const ids = (search.get('ids') ?? '').split(',').filter(Boolean);
  const { module, isPending } = useModule(name);
  const loaded = useQueries({
    queries: ids.map((id) => ({ queryKey: recordKeys.one(name!, id), queryFn: () => recordsApi.get(name!, id) })),
  });
  const [survivor, setSurvivor] = useState<string>(ids[0] ?? '');
  const [picks, setPicks] = useState<Record<string, string>>({});
  const merge = useMutation({
    mutationFn: (records: ApiRecord[]) =>
      duplicatesApi.merge(name!, {
        survivorId: survivor,
        mergedIds: records.map((r) => r.id).filter((id) => id !== survivor),
        values: Object.fromEntries(Object.entries(picks).filter(([, id]) => id !== survivor)),
        versions: Object.fromEntries(records.map((r) => [r.id, r.version])),
      }),
    onSuccess: ({ survivor: kept }) => {
      void queryClient.invalidateQueries({ queryKey: ['records'] });
      notify({ severity: 'success', message: t('duplicates.merged') });
      void navigate(`/${name}/${kept.id}`, { replace: true });
    },
  });
  if (!module) return <ModuleNotFound loading={isPending} />;
  const records = loaded.map((q) => q.data).filter((r): r is ApiRecord => Boolean(r));
  if (records.length < ids.length) return <ModuleNotFound loading={loaded.some((q) => q.isPending)} />;
  const differing = module.fields.filter(
    (f: FieldMeta) => !f.readOnly && records.some((r) => !same(valueOf(r, f), valueOf(records[0]!, f))),
  );
  const pickOf = (field: FieldMeta) => picks[field.filterPath] ?? survivor;
  return (
    <>
      <PageHeader
        title={t('duplicates.mergeTitle', { module: label(module.label.plural) })}
        actions={
          <Button variant="contained" loading={merge.isPending} onClick={() => merge.mutate(records)}>
            {t('duplicates.mergeNow', { count: records.length })}
          </Button>
        }
      />
      <Box sx={{ px: { xs: 2, sm: 3 }, pb: 3, overflowX: 'auto' }}>
        {merge.error && <Alert severity="error">{formErrorOf(merge.error, t('errors.unexpected'))}</Alert>}
        <Table size="small" aria-label={t('duplicates.mergeTitle', { module: label(module.label.plural) })}>
          <TableHead>
            <TableRow>
              <TableCell>{t('duplicates.keeps')}</TableCell>
              {records.map((r) => (
                <TableCell key={r.id}>
                  <Radio
                    checked={survivor === r.id}
                    onChange={() => setSurvivor(r.id)}
                    inputProps={{
                      'aria-label': t('duplicates.survivor', { title: recordTitle(module, r) || r.number }),
                    }}
                  />
                  {recordTitle(module, r) || r.number} <bdi>{r.number}</bdi>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {differing.map((field) => (
              <TableRow key={field.filterPath}>
                <TableCell component="th" scope="row">
                  {label(field.label)}
                </TableCell>
                {records.map((r) => (
                  <TableCell key={r.id}>
                    <Radio
                      checked={pickOf(field) === r.id}
                      onChange={() => setPicks((p) => ({ ...p, [field.filterPath]: r.id }))}
                      inputProps={{
                        'aria-label': t('duplicates.pick', { field: label(field.label), title: r.number }),
                      }}
                    />
                    <FieldValue field={field} value={valueOf(r, field)} compact />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </>
  );
}
