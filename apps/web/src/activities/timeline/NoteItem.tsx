import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorOf } from '../../api/fieldErrors';
import { useCurrentUser } from '../../auth/session';
import { canChangeRecord } from '../../auth/writeAccess';
import { ConfirmDeleteDialog } from '../../core/ConfirmDeleteDialog';
import type { ApiRecord } from '../../core/metadata/types';
import { useModule } from '../../core/metadata/useModules';
import { recordsApi } from '../../core/records/recordsApi';
import { NoteBody } from './NoteBody';
import { NoteComposer } from './NoteComposer';

/** A note in a timeline; its author (or an administrator) can edit or delete it there. */
export function NoteItem({ note, onChanged }: { note: ApiRecord; onChanged(): void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const { module: notes } = useModule('notes');
  const mine = notes !== undefined && canChangeRecord(user, notes, note);
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: ['records', 'notes'] });
    onChanged();
  };
  const update = useMutation({
    mutationFn: (change: { body: string; mentions: string[] }) =>
      recordsApi.update('notes', note.id, { ...change, version: note.version }),
    onSuccess: () => {
      setEditing(false);
      done();
    },
  });
  const remove = useMutation({ mutationFn: () => recordsApi.remove('notes', note.id), onSuccess: done });
  const mentions = (note.mentions as string[] | null) ?? [];
  if (editing)
    return (
      <NoteComposer
        initialBody={String(note.body ?? '')}
        initialMentions={mentions}
        submitLabel={t('common.save')}
        saving={update.isPending}
        error={formErrorOf(update.error, t('errors.unexpected'))}
        onSubmit={(body, next) => update.mutate({ body, mentions: next })}
        onCancel={() => setEditing(false)}
      />
    );
  return (
    <>
      <NoteBody body={String(note.body ?? '')} mentions={mentions} />
      {mine && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button size="small" onClick={() => setEditing(true)}>
            {t('activities.notes.edit')}
          </Button>
          <Button size="small" color="error" onClick={() => setDeleting(true)}>
            {t('activities.notes.delete')}
          </Button>
        </Stack>
      )}
      <ConfirmDeleteDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        titleId={`delete-note-${note.id}`}
        title={t('activities.notes.delete')}
        body={t('activities.notes.deleteBody')}
        error={remove.error}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      />
    </>
  );
}
