import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import EditIcon from '@mui/icons-material/EditOutlined';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLabel, useLocale } from '../../locale/LocaleProvider';
import { overridesOf } from '../../modules';
import { useNotify } from '../../shell/Notifier';
import { useCanChangeRecord, useCanWrite } from '../../auth/writeAccess';
import { ConfirmDeleteDialog } from '../ConfirmDeleteDialog';
import { PageHeader } from '../PageHeader';
import { ReferenceTitle } from '../display/ReferenceTitle';
import { formFields } from '../form/formFields';
import { RecordForm } from '../form/RecordForm';
import { recordTitle } from '../metadata/fields';
import { recordKeys, recordsApi } from '../records/recordsApi';
import type { RecordPartProps } from './recordPartProps';
import { useCanEditRecord } from './useCanEditRecord';

/** Title, number, owner, and the record's actions: edit everything at once, or move it to the recycle bin. */
export function RecordHeader({ module, record, onReload }: RecordPartProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const canWrite = useCanWrite(module);
  const canEdit = useCanEditRecord(module, record);
  const canDelete = useCanChangeRecord(module, record);
  const { recordActions: ModuleActions } = overridesOf(module.name);
  const title = recordTitle(module, record) || record.number;

  const remove = useMutation({
    mutationFn: () => recordsApi.remove(module.name, record.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recordKeys.module(module.name) });
      notify({
        severity: 'success',
        message: t('record.deleted'),
        action: (
          <Button
            color="inherit"
            size="small"
            onClick={() =>
              void recordsApi.restore(module.name, record.id).then(() => {
                void queryClient.invalidateQueries({ queryKey: recordKeys.module(module.name) });
                void navigate(`/${module.name}/${record.id}`);
              })
            }
          >
            {t('recycleBin.restore')}
          </Button>
        ),
      });
      void navigate(`/${module.name}`);
    },
  });

  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap sx={{ mt: 0.5 }}>
            <Chip size="small" label={label(module.label.singular)} />
            <Chip size="small" variant="outlined" label={<bdi dir="ltr">{record.number}</bdi>} />
            {record.ownerId && (
              <span>
                {t('record.owner')}: <ReferenceTitle module="users" id={record.ownerId} />
              </span>
            )}
            {record.ownerGroupId && (
              <span>
                {t('record.owner')}: <ReferenceTitle module="groups" id={record.ownerGroupId} />
              </span>
            )}
            <span>{t('record.updatedAt', { when: format.dateTime(record.updatedAt) })}</span>
          </Stack>
        }
        actions={
          canWrite && (
            <>
              {ModuleActions && <ModuleActions module={module} record={record} onReload={onReload} />}
              {canEdit && (
                <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setDialog('edit')}>
                  {t('common.edit')}
                </Button>
              )}
              {canDelete && (
                <Button color="error" startIcon={<DeleteOutlineIcon />} onClick={() => setDialog('delete')}>
                  {t('common.delete')}
                </Button>
              )}
            </>
          )
        }
      />
      <Dialog
        open={dialog === 'edit'}
        onClose={() => setDialog(null)}
        fullWidth
        maxWidth="md"
        fullScreen={phone}
        aria-labelledby="edit-title"
      >
        <DialogTitle id="edit-title">{t('record.editTitle', { title })}</DialogTitle>
        <DialogContent>
          <RecordForm
            key={record.version}
            module={module}
            record={record}
            fields={formFields(module, 'full', false)}
            grouped
            onCancel={() => setDialog(null)}
            onReload={onReload}
            onSaved={(saved) => {
              queryClient.setQueryData(recordKeys.one(module.name, record.id), saved);
              setDialog(null);
              notify({ severity: 'success', message: t('form.saved') });
            }}
          />
        </DialogContent>
      </Dialog>
      <ConfirmDeleteDialog
        open={dialog === 'delete'}
        onClose={() => setDialog(null)}
        titleId="delete-title"
        title={t('record.deleteTitle', { title })}
        body={t('record.deleteBody')}
        error={remove.error}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
    </>
  );
}
