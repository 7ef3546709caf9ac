import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import type { FormValues } from '../core/form/formValues';
import { RecordForm } from '../core/form/RecordForm';
import type { ApiRecord } from '../core/metadata/types';
import { useModule } from '../core/metadata/useModules';
import { useNotify } from '../shell/Notifier';
import { activityFormFields } from './activityFormFields';

interface Props {
  title: string;
  /** Starting values by field path: the type, the record it belongs to, the slot clicked… */
  defaults: FormValues;
  onClose(): void;
  onSaved?(activity: ApiRecord): void;
}

/** A new activity through the generic metadata form, started with what the screen already knows. */
export function ActivityDialog({ title, defaults, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { module } = useModule('activities');
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  if (!module) return null;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" fullScreen={phone} aria-labelledby="activity-dialog-title">
      <DialogTitle id="activity-dialog-title">{title}</DialogTitle>
      <DialogContent sx={{ pt: '8px !important' }}>
        <RecordForm
          module={module}
          fields={activityFormFields(module)}
          grouped={false}
          defaults={defaults}
          onCancel={onClose}
          onSaved={(activity) => {
            onClose();
            notify({ severity: 'success', message: t('form.saved') });
            onSaved?.(activity);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
