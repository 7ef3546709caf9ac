import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { type FormEvent, type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReferenceOptions } from '../../core/form/inputs/ReferenceInput';
import { keptMentions, mentionQueryAt } from './mentionQuery';
import { useMentionedUsers } from './useMentionedUsers';

interface Props {
  initialBody?: string;
  initialMentions?: string[];
  submitLabel: string;
  saving: boolean;
  error?: string | null;
  onSubmit(body: string, mentions: string[]): void;
  onCancel?(): void;
}

/** Writes a note: free text with line breaks, and `@` to name a user, who is then notified. */
export function NoteComposer(props: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(props.initialBody ?? '');
  const [picked, setPicked] = useState<{ id: string; name: string }[]>([]);
  const known = useMentionedUsers(props.initialMentions ?? []);
  const [caret, setCaret] = useState(0);
  /** Where the caret goes once a picked name is in the text. */
  const caretAfterPick = useRef<number | null>(null);
  // In the commit that writes the name, before the next key is handled: placed a frame later,
  // a key typed in between went to the end of the text and the ones after it before that key.
  useLayoutEffect(() => {
    if (caretAfterPick.current === null) return;
    input.current?.setSelectionRange(caretAfterPick.current, caretAfterPick.current);
    caretAfterPick.current = null;
  });
  const mention = mentionQueryAt(body, caret);
  const options = useReferenceOptions('users', mention?.query ?? '', mention !== null);
  const choices = mention ? (options.data ?? []).slice(0, 6) : [];

  const pick = (user: { id: string; title: string }) => {
    if (!mention) return;
    const inserted = `@${user.title} `;
    const next = body.slice(0, mention.start) + inserted + body.slice(caret);
    const at = mention.start + inserted.length;
    setBody(next);
    setCaret(at);
    setPicked((list) => [...list, { id: user.id, name: user.title }]);
    caretAfterPick.current = at;
    input.current?.focus();
  };
  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && choices[0]) {
      event.preventDefault();
      pick(choices[0]);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    props.onSubmit(body.trim(), keptMentions(body, [...known, ...picked]));
  };
  const track = (target: HTMLTextAreaElement) => setCaret(target.selectionStart);

  return (
    <Stack component="form" spacing={1} onSubmit={submit} aria-label={t('activities.notes.composer')}>
      <TextField
        inputRef={input}
        label={t('activities.notes.body')}
        placeholder={t('activities.notes.placeholder')}
        multiline
        minRows={3}
        value={body}
        onChange={(e) => {
          setBody(e.target.value);
          track(e.target as HTMLTextAreaElement);
        }}
        onKeyUp={(e) => track(e.target as HTMLTextAreaElement)}
        onClick={(e) => track(e.target as HTMLTextAreaElement)}
        onKeyDown={keyDown}
        error={Boolean(props.error)}
        helperText={props.error ?? t('activities.notes.hint')}
        disabled={props.saving}
      />
      {choices.length > 0 && (
        <Paper variant="outlined">
          <List dense aria-label={t('activities.notes.mentionUsers')}>
            {choices.map((user) => (
              <ListItemButton key={user.id} onClick={() => pick(user)}>
                {user.title}
              </ListItemButton>
            ))}
          </List>
        </Paper>
      )}
      <Stack direction="row" spacing={1} justifyContent="flex-end">
        {props.onCancel && <Button onClick={props.onCancel}>{t('common.cancel')}</Button>}
        <Button type="submit" variant="contained" loading={props.saving} disabled={!body.trim()}>
          {props.submitLabel}
        </Button>
      </Stack>
    </Stack>
  );
}
