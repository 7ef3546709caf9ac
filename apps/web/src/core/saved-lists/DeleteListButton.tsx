import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogTitle from '@mui/material/DialogTitle';
import type { SavedList } from '@peyvand/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteList } from './savedListsApi';

/** Deletes a custom list of mine, after asking; the records in it are untouched. */
export function DeleteListButton({ module, list, onDeleted }: { module: string; list: SavedList; onDeleted(): void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteList(module);
  return (
    <>
      <Button color="error" onClick={() => setConfirming(true)}>
        {t('savedLists.delete')}
      </Button>
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="delete-list-title">
        <DialogTitle id="delete-list-title">{t('savedLists.deleteTitle', { name: list.name })}</DialogTitle>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
          <Button
            color="error"
            variant="contained"
            loading={remove.isPending}
            onClick={() => remove.mutate(list.id, { onSuccess: onDeleted })}
          >
            {t('common.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
