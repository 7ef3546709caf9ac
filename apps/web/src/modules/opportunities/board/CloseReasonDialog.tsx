import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PicklistInput } from '../../../core/form/inputs/PicklistInput';
import type { FieldMeta } from '../../../core/metadata/types';
import { useLabel } from '../../../locale/LocaleProvider';

interface Props {
  /** The opportunities' reason field. */
  field: FieldMeta;
  outcome: 'won' | 'lost';
  dealName: string;
  onConfirm(reason: string): void;
  onCancel(): void;
}

/** A deal dropped on a won or lost stage: why, before it moves. */
export function CloseReasonDialog({ field, outcome, dealName, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [reason, setReason] = useState<string | null>(null);
  return (
    <Dialog open onClose={onCancel} fullWidth maxWidth="xs" aria-labelledby="close-reason-title">
      <DialogTitle id="close-reason-title">
        {t(outcome === 'won' ? 'sales.board.wonTitle' : 'sales.board.lostTitle', { name: dealName })}
      </DialogTitle>
      <DialogContent sx={{ pt: '8px !important' }}>
        <PicklistInput
          field={{ ...field, required: true }}
          label={label(field.label)}
          value={reason}
          onChange={setReason}
          errors={{}}
          autoFocus
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={!reason} onClick={() => reason && onConfirm(reason)}>
          {t('sales.board.confirmMove')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
