import RestoreIcon from '@mui/icons-material/RestoreFromTrash';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, queryString } from '../api/http';
import { isAdmin, useCurrentUser } from '../auth/session';
import { PageHeader } from '../core/PageHeader';
import { ReferenceTitle } from '../core/display/ReferenceTitle';
import { recordTitle } from '../core/metadata/fields';
import type { ApiRecord, ModuleMeta, Page } from '../core/metadata/types';
import { useModules } from '../core/metadata/useModules';
import { LIST_PAGE } from '../core/records/limits';
import { recordKeys, recordsApi } from '../core/records/recordsApi';
import { useLabel, useLocale } from '../locale/LocaleProvider';
import { PageLoader } from '../shell/PageLoader';
import { useNotify } from '../shell/Notifier';

/** Deleted records of a module, most recently deleted first, with restore (and purge for admins). */
export function RecycleBinPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { data: modules } = useModules();
  const [chosen, setChosen] = useState<string | null>(null);
  const module = modules?.find((m) => m.name === chosen) ?? modules?.find((m) => m.group !== 'admin');
  return (
    <>
      <PageHeader
        title={t('recycleBin.title')}
        subtitle={t('recycleBin.subtitle')}
        actions={
          modules && (
            <TextField
              select
              label={t('recycleBin.module')}
              value={module?.name ?? ''}
              onChange={(e) => setChosen(e.target.value)}
              sx={{ minWidth: 200 }}
              fullWidth={false}
            >
              {modules.map((m) => (
                <MenuItem key={m.name} value={m.name}>
                  {label(m.label.plural)}
                </MenuItem>
              ))}
            </TextField>
          )
        }
      />
      <Box sx={{ px: { xs: 2, sm: 3 }, pb: 3 }}>
        {module ? <DeletedRecords key={module.name} module={module} /> : <PageLoader />}
      </Box>
    </>
  );
}

function DeletedRecords({ module }: { module: ModuleMeta }) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const user = useCurrentUser();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = ['recycle-bin', module.name];
  const pages = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) =>
      api.get<Page<ApiRecord>>(
        `/recycle-bin${queryString({ module: module.name, limit: LIST_PAGE, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const settle = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: recordKeys.module(module.name) });
  };
  const restore = useMutation({
    mutationFn: (id: string) => recordsApi.restore(module.name, id),
    onSuccess: (record) => {
      settle();
      notify({
        severity: 'success',
        message: t('recycleBin.restored'),
        action: (
          <Button color="inherit" size="small" onClick={() => void navigate(`/${module.name}/${record.id}`)}>
            {t('common.open')}
          </Button>
        ),
      });
    },
  });
  const [purging, setPurging] = useState<ApiRecord | null>(null);
  const purge = useMutation({
    mutationFn: (id: string) => api.delete(`/recycle-bin/${module.name}/${id}`),
    onSuccess: () => {
      settle();
      setPurging(null);
      notify({ severity: 'success', message: t('recycleBin.purged') });
    },
  });
  if (pages.isPending) return <PageLoader />;
  const rows = pages.data?.pages.flatMap((p) => p.data) ?? [];
  if (rows.length === 0) return <Typography color="text.secondary">{t('recycleBin.empty')}</Typography>;
  return (
    <>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell sx={{ fontWeight: 700 }}>{t('recycleBin.record')}</TableCell>
              <TableCell sx={{ fontWeight: 700 }}>{t('recycleBin.deletedAt')}</TableCell>
              <TableCell sx={{ fontWeight: 700 }}>{t('recycleBin.deletedBy')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell>
                  {recordTitle(module, row) || row.number}{' '}
                  <Typography component="bdi" variant="caption" color="text.secondary" dir="ltr">
                    {row.number}
                  </Typography>
                </TableCell>
                <TableCell>{row.deletedAt ? format.dateTime(row.deletedAt) : '—'}</TableCell>
                <TableCell>
                  {typeof row.deletedBy === 'string' ? (
                    <ReferenceTitle module="users" id={row.deletedBy} link={false} />
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button
                    size="small"
                    startIcon={<RestoreIcon />}
                    onClick={() => restore.mutate(row.id)}
                    disabled={restore.isPending}
                  >
                    {t('recycleBin.restore')}
                  </Button>
                  {isAdmin(user) && (
                    <Button size="small" color="error" onClick={() => setPurging(row)}>
                      {t('recycleBin.purge')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Dialog open={Boolean(purging)} onClose={() => setPurging(null)} aria-labelledby="purge-title">
        <DialogTitle id="purge-title">
          {t('recycleBin.purgeTitle', { title: purging ? recordTitle(module, purging) || purging.number : '' })}
        </DialogTitle>
        <DialogActions>
          <Button onClick={() => setPurging(null)}>{t('common.cancel')}</Button>
          <Button color="error" variant="contained" loading={purge.isPending} onClick={() => purge.mutate(purging!.id)}>
            {t('recycleBin.purge')}
          </Button>
        </DialogActions>
      </Dialog>
      {pages.hasNextPage && (
        <Button sx={{ mt: 1 }} onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          {t('list.loadMore')}
        </Button>
      )}
    </>
  );
}
