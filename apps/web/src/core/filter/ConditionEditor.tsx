import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { FilterOperator } from '@peyvand/shared';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../locale/LocaleProvider';
import { type ConditionDraft, LIST_OPERATORS, NO_VALUE_OPERATORS } from './filterDraft';
import type { FilterableField } from './filterableFields';
import { FilterValueInput } from './FilterValueInput';

interface Props {
  condition: ConditionDraft;
  fields: FilterableField[];
  onChange(condition: ConditionDraft): void;
  onRemove(): void;
}

/** Field, operator and value: one line of the filter builder. */
export function ConditionEditor({ condition, fields, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const target = fields.find((f) => f.path === condition.field);
  const fieldLabel = (f: FilterableField) =>
    f.sub ? `${label(f.field.label)} › ${t(`subFields.${f.sub}`)}` : label(f.field.label);
  const changeOp = (op: FilterOperator) => {
    // A value of the wrong shape for the new operator (one value ↔ a list ↔ a range) is dropped.
    const shape = (o: string) =>
      LIST_OPERATORS.has(o) ? 'list' : o === 'between' ? 'range' : NO_VALUE_OPERATORS.has(o) ? 'none' : 'one';
    onChange({ ...condition, op, value: shape(op) === shape(condition.op) ? condition.value : '' });
  };
  return (
    <Box
      role="group"
      aria-label={t('filter.condition')}
      sx={{
        display: 'grid',
        gap: 1,
        alignItems: 'start',
        gridTemplateColumns: {
          xs: '1fr auto',
          md: 'minmax(180px, 1.2fr) minmax(140px, 0.8fr) minmax(200px, 1.5fr) auto',
        },
      }}
    >
      <Autocomplete
        options={fields}
        value={target ?? null}
        onChange={(_, next) =>
          onChange({ ...condition, field: next?.path ?? '', op: next?.operators[0] ?? '', value: '' })
        }
        getOptionLabel={fieldLabel}
        isOptionEqualToValue={(a, b) => a.path === b.path}
        renderInput={(params) => <TextField {...params} label={t('filter.field')} />}
        sx={{ gridColumn: { xs: '1 / 2', md: 'auto' } }}
      />
      <IconButton
        aria-label={t('filter.removeCondition')}
        onClick={onRemove}
        sx={{ gridColumn: { xs: '2 / 3', md: '4 / 5' }, gridRow: { md: 1 }, mt: 0.5 }}
      >
        <DeleteOutlineIcon fontSize="small" />
      </IconButton>
      {target && (
        <TextField
          select
          label={t('filter.operator')}
          value={condition.op}
          onChange={(e) => changeOp(e.target.value as FilterOperator)}
          sx={{ gridColumn: { xs: '1 / -1', md: 'auto' } }}
        >
          {target.operators.map((op) => (
            <MenuItem key={op} value={op}>
              {t(`filter.operators.${op}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
      {target && condition.op && !NO_VALUE_OPERATORS.has(condition.op) && (
        <Box sx={{ gridColumn: { xs: '1 / -1', md: 'auto' }, minWidth: 0 }}>
          <FilterValueInput
            target={target}
            op={condition.op}
            value={condition.value}
            onChange={(value) => onChange({ ...condition, value })}
          />
        </Box>
      )}
    </Box>
  );
}
