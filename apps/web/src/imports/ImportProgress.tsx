import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ConfirmDeleteDialog } from '../core/ConfirmDeleteDialog';
import type { ModuleMeta } from '../core/metadata/types';
import { useModules } from '../core/metadata/useModules';
import { recordKeys } from '../core/records/recordsApi';
import { useLabel, useLocale } from '../locale/LocaleProvider';
import { type ImportStatus, errorReportUrl, importsApi, useImportStatus } from './importsApi';
import { ProblemAlert } from './ProblemAlert';

const COUNTS = ['imported', 'updated', 'skipped', 'failed'] as const;

/** Step 4: the running import's progress, then what it did, its error report and its undo. */
export function ImportProgress({ module, importId }: { module: ModuleMeta; importId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  const queryClient = useQueryClient();
  const { data: status, error } = useImportStatus(importId);
  const { data: modules } = useModules();
  const moduleLabel = (name: string) => {
    const other = modules?.find((m) => m.name === name);
    return other ? label(other.label.plural) : name;
  };
  const [confirming, setConfirming] = useState(false);
  const shown = (next: ImportStatus) => queryClient.setQueryData(['imports', importId], next);
  const undo = useMutation({
    mutationFn: () => importsApi.undo(importId),
    onSuccess: (next) => {
      setConfirming(false);
      shown(next);
    },
  });
  // Nothing is lost by cancelling (what was stored stays, and can be undone): no confirmation.
  const cancel = useMutation({ mutationFn: () => importsApi.cancel(importId), onSuccess: shown });
  // A failed or cancelled import may have stored batches before it stopped.
  const settledStatus =
    status?.status === 'completed' ||
    status?.status === 'failed' ||
    status?.status === 'cancelled' ||
    status?.status === 'undone'
      ? status.status
      : null;
  // The list must show what the import wrote (or took back) when the user returns to it.
  useEffect(() => {
    if (settledStatus) void queryClient.invalidateQueries({ queryKey: recordKeys.module(module.name) });
  }, [settledStatus, module.name, queryClient]);

  if (error) return <Alert severity="error">{t('errors.loadFailed')}</Alert>;
  if (!status) return <LinearProgress aria-label={t('common.loading')} />;
  const n = format.number;
  const running = status.status === 'queued' || status.status === 'running' || status.status === 'undoing';

  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h6" component="h2" aria-live="polite">
        {t(`imports.status.${status.status}`)}
      </Typography>
      {running && <RunningProgress status={status} />}
      {status.status === 'failed' && <Alert severity="error">{status.error ?? t('errors.unexpected')}</Alert>}
      <ProblemAlert error={cancel.error} />
      {!running && (
        <Table size="small" aria-label={t('imports.summary.title')}>
          <TableBody>
            {COUNTS.map((key) => (
              <TableRow key={key} data-count={key}>
                <TableCell component="th">{t(`imports.summary.${key}`)}</TableCell>
                <TableCell>{n(status[key])}</TableCell>
              </TableRow>
            ))}
            {Object.entries(status.createdRelated).map(([name, count]) => (
              <TableRow key={name} data-count={`created.${name}`}>
                <TableCell component="th">
                  {t('imports.summary.createdRelated', { module: moduleLabel(name) })}
                </TableCell>
                <TableCell>{n(count)}</TableCell>
              </TableRow>
            ))}
            {status.status === 'undone' && (
              <TableRow data-count="undone">
                <TableCell component="th">{t('imports.summary.undone')}</TableCell>
                <TableCell>{n(status.undone)}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      )}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {!running && status.failed > 0 && (
          <Button variant="outlined" href={errorReportUrl(importId)} download>
            {t('imports.summary.errorReport')}
          </Button>
        )}
        {(status.status === 'queued' || status.status === 'running') && (
          <Button color="warning" variant="outlined" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('imports.cancel')}
          </Button>
        )}
        {/* An import that failed or was cancelled midway may have stored batches before it stopped: they are undone too. */}
        {(status.status === 'completed' || status.status === 'failed' || status.status === 'cancelled') && (
          <Button color="error" onClick={() => setConfirming(true)}>
            {t('imports.undo.button')}
          </Button>
        )}
        <Button variant="contained" component={RouterLink} to={`/${module.name}`}>
          {t('imports.summary.backToList', { module: label(module.label.plural) })}
        </Button>
      </Box>
      <ConfirmDeleteDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        titleId="undo-import-title"
        title={t('imports.undo.title')}
        body={t('imports.undo.body', { imported: n(status.imported), updated: n(status.updated) })}
        confirmLabel={t('imports.undo.confirm')}
        error={undo.error}
        pending={undo.isPending}
        onConfirm={() => undo.mutate()}
      />
    </Stack>
  );
}

/** The bar, rows done of all, the rate and the errors so far. */
function RunningProgress({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const n = format.number;
  const known = status.totalRows !== null && status.status !== 'undoing';
  return (
    <>
      <LinearProgress
        variant={known ? 'determinate' : 'indeterminate'}
        value={Math.round(status.progress * 100)}
        aria-label={t('imports.progress.label')}
      />
      <Box data-progress sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 3 }}>
        <Typography variant="body2">
          {known
            ? t('imports.progress.rows', { done: n(status.rowsDone), total: n(status.totalRows ?? 0) })
            : t('imports.progress.rowsSoFar', { done: n(status.rowsDone) })}
        </Typography>
        <Typography variant="body2">{t('imports.progress.rate', { rate: n(status.rowsPerSecond) })}</Typography>
        <Typography variant="body2" color={status.failed ? 'error' : undefined}>
          {t('imports.progress.errors', { failed: n(status.failed) })}
        </Typography>
      </Box>
    </>
  );
}
