import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import type { ReactNode } from 'react';
import type { FormValues } from '../../core/form/formValues';
import { FieldInput } from '../../core/form/inputs/FieldInput';
import { isWide } from '../../core/form/layout';
import type { FieldMeta } from '../../core/metadata/types';
import { useLabel } from '../../locale/LocaleProvider';

interface Props {
  /** The part's name as the user reads it: the module's singular label. */
  title: string;
  fields: FieldMeta[];
  on: boolean;
  onToggle(on: boolean): void;
  values: FormValues;
  onChange(values: FormValues): void;
  errors: Record<string, string>;
  disabled: boolean;
  /** Shown above the fields, e.g. the choice among organizations of the same name. */
  children?: ReactNode;
  /** Leaves the fields out, e.g. while an existing organization is chosen instead of a new one. */
  hideFields?: boolean;
}

/** One record the conversion may create: a checkbox to create it, and its fields when it is ticked. */
export function ConversionPartSection(props: Props) {
  const { title, fields, on, onToggle, values, onChange, errors, disabled, children, hideFields } = props;
  const label = useLabel();
  return (
    <Paper variant="outlined" component="fieldset" aria-label={title} sx={{ p: 2, m: 0, minWidth: 0 }}>
      <FormControlLabel
        control={<Checkbox checked={on} onChange={(e) => onToggle(e.target.checked)} disabled={disabled} />}
        label={title}
        sx={{ mb: on ? 1 : 0, '& .MuiFormControlLabel-label': { fontWeight: 700 } }}
      />
      {on && children}
      {on && !hideFields && (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
          {fields.map((field) => (
            <Box key={field.filterPath} sx={{ gridColumn: isWide(field) ? '1 / -1' : undefined, minWidth: 0 }}>
              <FieldInput
                field={field}
                label={label(field.label)}
                value={values[field.filterPath]}
                onChange={(value) => onChange({ ...values, [field.filterPath]: value })}
                errors={errors}
                disabled={disabled}
              />
            </Box>
          ))}
        </Box>
      )}
    </Paper>
  );
}
