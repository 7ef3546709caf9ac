import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useTranslation } from 'react-i18next';
import { formErrorOf } from '../api/fieldErrors';

interface Props {
  open: boolean;
  onClose(): void;
  /** The title's element id, which names the dialog for assistive technology. */
  titleId: string;
  title: string;
  /** What deleting does; a failed request's message takes its place, so the user sees why. */
  body: string;
  /** The delete request's state. */
  error: unknown;
  pending: boolean;
  onConfirm(): void;
  /** The confirming button's words when the action is not plainly "delete" (e.g. undoing an import). */
  confirmLabel?: string;
}

/** Asks before records go to the recycle bin, and shows why it failed if it did. */
export function ConfirmDeleteDialog({
  open,
  onClose,
  titleId,
  title,
  body,
  error,
  pending,
  onConfirm,
  confirmLabel,
}: Props) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{formErrorOf(error, t('errors.unexpected')) ?? body}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button color="error" variant="contained" loading={pending} onClick={onConfirm}>
          {confirmLabel ?? t('common.delete')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
