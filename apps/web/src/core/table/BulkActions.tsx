import AssignIcon from '@mui/icons-material/AssignmentIndOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorOf } from '../../api/fieldErrors';
import { useLocale } from '../../locale/LocaleProvider';
import { useNotify } from '../../shell/Notifier';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';
import { ReferencePicker } from '../form/inputs/ReferenceInput';
import type { ModuleMeta } from '../metadata/types';
import { isOwned } from '../metadata/fields';
import { recordKeys, recordsApi } from '../records/recordsApi';

interface Props {
  module: ModuleMeta;
  ids: string[];
  onDone(): void;
}

/** What can be done to the selected records at once: move them to the recycle bin, or assign them. */
export function BulkActions({ module, ids, onDone }: Props) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'delete' | 'assign' | null>(null);
  const [ownerKind, setOwnerKind] = useState<'user' | 'group'>('user');
  const [owner, setOwner] = useState<string | null>(null);
  const finish = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: recordKeys.module(module.name) });
    notify({ severity: 'success', message });
    setDialog(null);
    onDone();
  };
  const remove = useMutation({
    mutationFn: () => recordsApi.bulkDelete(module.name, ids),
    onSuccess: (r) => finish(t('list.bulkDeleted', { n: format.number(r.deleted) })),
  });
  const assign = useMutation({
    mutationFn: () =>
      recordsApi.bulkAssign(module.name, ids, ownerKind === 'user' ? { ownerId: owner! } : { ownerGroupId: owner! }),
    onSuccess: (r) => finish(t('list.bulkAssigned', { n: format.number(r.updated) })),
  });
  const count = format.number(ids.length);
  return (
    <Paper
      elevation={0}
      sx={{ mx: { xs: 2, sm: 3 }, mb: 1, px: 2, py: 1, bgcolor: 'primary.50', border: 1, borderColor: 'primary.light' }}
    >
      <Stack
        direction="row"
        alignItems="center"
        spacing={1}
        flexWrap="wrap"
        useFlexGap
        role="region"
        aria-label={t('list.bulkActions')}
      >
        <Typography fontWeight={700} sx={{ flex: 1 }} aria-live="polite">
          {t('list.selected', { n: count })}
        </Typography>
        {isOwned(module) && (
          <Button startIcon={<AssignIcon />} onClick={() => setDialog('assign')}>
            {t('list.assign')}
          </Button>
        )}
        <Button color="error" startIcon={<DeleteOutlineIcon />} onClick={() => setDialog('delete')}>
          {t('common.delete')}
        </Button>
        <Button onClick={onDone}>{t('list.clearSelection')}</Button>
      </Stack>
      <ConfirmDeleteDialog
        open={dialog === 'delete'}
        onClose={() => setDialog(null)}
        titleId="bulk-delete-title"
        title={t('list.bulkDeleteTitle', { n: count })}
        body={t('list.bulkDeleteBody')}
        error={remove.error}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
      <Dialog
        open={dialog === 'assign'}
        onClose={() => setDialog(null)}
        fullWidth
        maxWidth="xs"
        aria-labelledby="bulk-assign-title"
      >
        <DialogTitle id="bulk-assign-title">{t('list.bulkAssignTitle', { n: count })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ToggleButtonGroup
              exclusive
              size="small"
              value={ownerKind}
              onChange={(_, kind: 'user' | 'group' | null) => {
                if (kind) {
                  setOwnerKind(kind);
                  setOwner(null);
                }
              }}
            >
              <ToggleButton value="user">{t('list.toUser')}</ToggleButton>
              <ToggleButton value="group">{t('list.toGroup')}</ToggleButton>
            </ToggleButtonGroup>
            <ReferencePicker
              key={ownerKind}
              target={ownerKind === 'user' ? 'users' : 'groups'}
              label={ownerKind === 'user' ? t('list.toUser') : t('list.toGroup')}
              value={owner}
              onChange={setOwner}
              error={formErrorOf(assign.error, t('errors.unexpected')) ?? undefined}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDialog(null)}>{t('common.cancel')}</Button>
          <Button variant="contained" disabled={!owner} loading={assign.isPending} onClick={() => assign.mutate()}>
            {t('list.assign')}
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
