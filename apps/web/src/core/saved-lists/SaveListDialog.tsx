import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import type { SavedList } from '@peyvand/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, formErrorOf } from '../../api/fieldErrors';
import { isConflict } from '../../api/problem';
import { type SavedListInput, useSaveList } from './savedListsApi';

interface Props {
  module: string;
  /** What the list view shows now: it becomes the list's definition. */
  definition: Omit<SavedListInput, 'name' | 'shared'>;
  /** Set to update that list instead of creating a new one. */
  editing?: SavedList;
  onSaved(list: SavedList): void;
  onClose(): void;
}

/** Saves the current filter, columns and sort as a named custom list, private or shared. */
export function SaveListDialog({ module, definition, editing, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(editing?.name ?? '');
  const [shared, setShared] = useState(editing?.shared ?? false);
  const save = useSaveList(module);
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { ...definition, name: name.trim(), shared, id: editing?.id, version: editing?.version },
      { onSuccess: onSaved },
    );
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="save-list-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="save-list-title">{editing ? t('savedLists.update') : t('savedLists.saveAs')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {isConflict(save.error) ? (
              <Alert severity="warning">{t('savedLists.conflict')}</Alert>
            ) : (
              formErrorOf(save.error, t('errors.unexpected')) && (
                <Alert severity="error">{formErrorOf(save.error, t('errors.unexpected'))}</Alert>
              )
            )}
            <TextField
              label={t('savedLists.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={Boolean(errors.name)}
              helperText={errors.name ?? t('savedLists.nameHint')}
              autoFocus
              required
            />
            <FormControlLabel
              control={<Switch checked={shared} onChange={(e) => setShared(e.target.checked)} />}
              label={t('savedLists.shareWithEveryone')}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" loading={save.isPending} disabled={!name.trim()}>
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
