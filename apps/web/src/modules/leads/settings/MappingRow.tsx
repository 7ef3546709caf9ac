import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { CONVERSION_TARGETS, type ConversionTarget } from '@peyvand/shared';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { FieldMeta, ModuleMeta } from '../../../core/metadata/types';
import { useLabel, useLocale } from '../../../locale/LocaleProvider';
import type { ConversionMapping } from './leadSettingsApi';
import { fittingTargets } from './mappableFields';

interface Props {
  index: number;
  mapping: ConversionMapping;
  sources: FieldMeta[];
  modules: ModuleMeta[];
  onChange(next: ConversionMapping): void;
  onRemove(): void;
  /** Error messages keyed by path (`mappings.0.targetField`), as the server sends them. */
  errors: Record<string, string>;
}

/** One rule: this lead field goes into that field of the new organization, contact or opportunity. */
export function MappingRow({ index, mapping, sources, modules, onChange, onRemove, errors }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  const number = format.number(index + 1);
  const at = `mappings.${index}`;
  const source = sources.find((f) => f.filterPath === mapping.leadField);
  const target = modules.find((m) => m.name === mapping.targetModule)!;
  const targets = fittingTargets(source, target);
  const select = (
    name: string,
    text: string,
    value: string,
    set: (value: string) => void,
    items: [string, string][],
  ) => (
    <TextField
      select
      size="small"
      label={text}
      value={items.some(([v]) => v === value) ? value : ''}
      onChange={(e) => set(e.target.value)}
      error={Boolean(errors[`${at}.${name}`])}
      helperText={errors[`${at}.${name}`]}
      sx={{ flex: 1, minWidth: 180 }}
    >
      {items.map(([v, text]) => (
        <MenuItem key={v} value={v}>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Stack component="li" role="group" aria-label={t('sales.mapping.row', { number })} spacing={0.5}>
      <Stack direction="row" spacing={1} alignItems="flex-start" useFlexGap flexWrap="wrap">
        {select(
          'leadField',
          t('sales.mapping.leadField'),
          mapping.leadField,
          (leadField) => onChange({ ...mapping, leadField, targetField: '' }),
          sources.map((f) => [f.filterPath, label(f.label)]),
        )}
        {select(
          'targetModule',
          t('sales.mapping.targetModule'),
          mapping.targetModule,
          (targetModule) => onChange({ ...mapping, targetModule: targetModule as ConversionTarget, targetField: '' }),
          CONVERSION_TARGETS.map((name) => [name, label(modules.find((m) => m.name === name)!.label.singular)]),
        )}
        {select(
          'targetField',
          t('sales.mapping.targetField'),
          mapping.targetField,
          (targetField) => onChange({ ...mapping, targetField }),
          targets.map((f) => [f.filterPath, label(f.label)]),
        )}
        <IconButton onClick={onRemove} aria-label={t('sales.mapping.remove', { number })}>
          <DeleteOutlineIcon />
        </IconButton>
      </Stack>
      {errors[at] && <FormHelperText error>{errors[at]}</FormHelperText>}
    </Stack>
  );
}
