import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { KindSelect } from './KindSelect';
import { ListEditor } from './ListEditor';
import { type InputProps, errorPropsOf, listEditorPropsOf } from './types';

/** How one list of kinded values is stored and shown: phones, e-mails or social accounts. */
export interface KindValueList<K extends string, V extends string> {
  group: 'phone' | 'email' | 'social';
  kinds: readonly string[];
  /** The row's keys for its kind and its value, e.g. `kind` and `number`. */
  kindKey: K;
  valueKey: V;
  /** The kind a new row starts with. */
  defaultKind: string;
  kindLabel: 'form.kind' | 'form.network';
  valueLabel: 'form.phoneNumber' | 'form.emailAddress' | 'form.handle';
  inputMode?: 'tel' | 'email';
  /** Names the value box, so that the form can focus it when the server rejects it (it looks boxes up by name). */
  named?: boolean;
  /** Focuses the first row's value box when the form opens on this field. */
  autoFocusFirst?: boolean;
}

type KindValueRow<K extends string, V extends string> = Record<K | V, string>;

/** Several values, each with its kind picked from a fixed set; typed in any digits and format. */
export function KindValueListInput<K extends string, V extends string>({
  list,
  ...props
}: InputProps<KindValueRow<K, V>[]> & { list: KindValueList<K, V> }) {
  const { t } = useTranslation();
  const { kindKey, valueKey } = list;
  return (
    <ListEditor
      {...listEditorPropsOf(props)}
      newItem={() => ({ [kindKey]: list.defaultKind, [valueKey]: '' }) as KindValueRow<K, V>}
      renderItem={(row, update, i) => (
        <Stack direction="row" spacing={1}>
          <KindSelect
            group={list.group}
            kinds={list.kinds}
            label={t(list.kindLabel)}
            value={row[kindKey]}
            onChange={(kind) => update({ ...row, [kindKey]: kind })}
          />
          <TextField
            label={t(list.valueLabel)}
            value={row[valueKey]}
            onChange={(e) => update({ ...row, [valueKey]: e.target.value })}
            {...errorPropsOf(props, `.${i}.${valueKey}`)}
            autoFocus={list.autoFocusFirst ? props.autoFocus && i === 0 : undefined}
            slotProps={{
              htmlInput: {
                dir: 'ltr',
                inputMode: list.inputMode,
                name: list.named ? `${props.field.filterPath}.${i}.${valueKey}` : undefined,
              },
            }}
          />
        </Stack>
      )}
    />
  );
}
