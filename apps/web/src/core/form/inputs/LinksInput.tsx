import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../locale/LocaleProvider';
import { useModules } from '../../metadata/useModules';
import { ListEditor } from './ListEditor';
import { ReferencePicker } from './ReferenceInput';
import { type InputProps, errorOf, listEditorPropsOf } from './types';

interface Link {
  module: string;
  id: string;
}

// Participants are people (the shared `participants` type takes users and contacts); links
// may point to any record people work with.
const PARTICIPANT_MODULES = new Set(['users', 'contacts']);

/** Records a note or an activity belongs to, or its participants: a module, then a record of it. */
export function LinksInput(props: InputProps<Link[]>) {
  const { t } = useTranslation();
  const label = useLabel();
  const { data: modules = [] } = useModules();
  const choices = modules.filter((m) =>
    props.field.type === 'participants' ? PARTICIPANT_MODULES.has(m.name) : m.group !== 'admin',
  );
  const first = choices[0]?.name ?? '';
  return (
    <ListEditor
      {...listEditorPropsOf(props)}
      newItem={() => ({ module: first, id: '' })}
      renderItem={(link, update, i) => (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
          <TextField
            select
            label={t('form.module')}
            value={link.module}
            onChange={(e) => update({ module: e.target.value, id: '' })}
            sx={{ width: { sm: 180 }, flexShrink: 0 }}
          >
            {choices.map((m) => (
              <MenuItem key={m.name} value={m.name}>
                {label(m.label.singular)}
              </MenuItem>
            ))}
          </TextField>
          {link.module && (
            <ReferencePicker
              key={link.module}
              target={link.module}
              label={t('form.record')}
              value={link.id || null}
              onChange={(id) => update({ ...link, id: id ?? '' })}
              error={errorOf(props, `.${i}.id`) ?? errorOf(props, `.${i}`)}
            />
          )}
        </Stack>
      )}
    />
  );
}
