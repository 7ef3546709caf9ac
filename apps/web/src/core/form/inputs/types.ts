import type { FieldMeta } from '../../metadata/types';

/** What every input of the generated form receives. */
export interface InputProps<T = unknown> {
  field: FieldMeta;
  label: string;
  value: T;
  onChange(value: T): void;
  /** Error messages keyed by path (`phones.0.number`); an input reads its own and its parts'. */
  errors: Record<string, string>;
  autoFocus?: boolean;
  disabled?: boolean;
}

export const errorOf = (props: InputProps<unknown>, suffix = '') => props.errors[props.field.filterPath + suffix];

/** A text box's error state and message for one part of the value (`.0.number`), as MUI takes them. */
export function errorPropsOf(props: InputProps<unknown>, suffix: string) {
  const message = errorOf(props, suffix);
  return { error: Boolean(message), helperText: message };
}

/** What a list input hands ListEditor unchanged: the field's label, rows, change handler and state. */
export function listEditorPropsOf<T>(props: InputProps<T[]>) {
  return { label: props.label, items: props.value, onChange: props.onChange, disabled: props.disabled };
}
