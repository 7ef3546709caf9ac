import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formFields } from '../core/form/formFields';
import { RecordForm } from '../core/form/RecordForm';
import type { ModuleMeta } from '../core/metadata/types';
import { useLabel } from '../locale/LocaleProvider';
import { overridesOf } from '../modules';
import { useNotify } from './Notifier';

/** The short form of a module's quick-create fields; the full form stays a click away. */
export function QuickCreateDialog({ module, onClose }: { module: ModuleMeta; onClose(): void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const notify = useNotify();
  const navigate = useNavigate();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" fullScreen={phone} aria-labelledby="quick-create-title">
      <DialogTitle id="quick-create-title">
        {t('quickAdd.dialogTitle', { module: label(module.label.singular) })}
      </DialogTitle>
      <DialogContent sx={{ pt: '8px !important' }}>
        <RecordForm
          module={module}
          fields={formFields(module, 'quick', true)}
          grouped={false}
          defaults={overridesOf(module.name).newRecordDefaults}
          onCancel={onClose}
          onSaved={(record) => {
            onClose();
            notify({
              severity: 'success',
              message: t('form.saved'),
              action: (
                <Button color="inherit" size="small" onClick={() => void navigate(`/${module.name}/${record.id}`)}>
                  {t('common.open')}
                </Button>
              ),
            });
          }}
        />
        <Button
          size="small"
          sx={{ mt: 1 }}
          onClick={() => {
            onClose();
            void navigate(`/${module.name}/new`);
          }}
        >
          {t('quickAdd.fullForm')}
        </Button>
      </DialogContent>
    </Dialog>
  );
}
