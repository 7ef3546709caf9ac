import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { type OptionAttribute, type PicklistOption, STAGE_KINDS, type StageKind } from '@peyvand/shared';
import { useTranslation } from 'react-i18next';
import { ListEditor } from '../core/form/inputs/ListEditor';
import { wholeNumberOf } from '../core/form/inputs/wholeNumber';
import { useLocale } from '../locale/LocaleProvider';
import { LabelFields } from './LabelFields';

interface Props {
  options: PicklistOption[];
  onChange(options: PicklistOption[]): void;
  /** What each option carries besides its labels (sales stages: a win probability and a kind). */
  attributes?: readonly OptionAttribute[];
  /** The server's complaint about one attribute of the option at this index, if any. */
  errorOf?(index: number, attribute: OptionAttribute): string | undefined;
}

/**
 * A picklist's values, in order, with their Persian and English labels — and for sales stages
 * the probability deals in the stage default to and whether the stage is open, won or lost. An
 * option in use is hidden rather than removed, so old records keep a readable value.
 */
export function OptionsEditor({ options, onChange, attributes = [], errorOf = () => undefined }: Props) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const has = (attribute: OptionAttribute) => attributes.includes(attribute);
  return (
    <ListEditor<PicklistOption>
      label={t('fieldManager.options')}
      items={options}
      onChange={onChange}
      itemName={(option) => option.label.fa || option.value}
      newItem={() => ({ value: '', label: { fa: '', en: '' }, ...(has('kind') ? { kind: 'open' as const } : {}) })}
      renderItem={(option, update, index) => (
        <Stack
          direction={{ xs: 'column', sm: 'row' }}
          spacing={1}
          alignItems={{ sm: 'center' }}
          flexWrap="wrap"
          useFlexGap
        >
          <LabelFields value={option.label} onChange={(label) => update({ ...option, label })} />
          {has('probability') && (
            <TextField
              label={t('fieldManager.probability')}
              // Shown in the interface's digits; typed in any (wholeNumberOf reads Persian digits too).
              value={option.probability === undefined ? '' : format.number(option.probability)}
              // Anything but a whole percentage leaves it unset, for the server to name.
              onChange={(e) => update({ ...option, probability: wholeNumberOf(e.target.value) })}
              error={Boolean(errorOf(index, 'probability'))}
              helperText={errorOf(index, 'probability')}
              required
              sx={{ width: { sm: 130 } }}
              slotProps={{
                htmlInput: { inputMode: 'numeric', dir: 'ltr' },
                input: { endAdornment: <InputAdornment position="end">{t('units.percent')}</InputAdornment> },
              }}
            />
          )}
          {has('kind') && (
            <TextField
              select
              label={t('fieldManager.stageKind')}
              value={option.kind ?? ''}
              onChange={(e) => update({ ...option, kind: e.target.value as StageKind })}
              error={Boolean(errorOf(index, 'kind'))}
              helperText={errorOf(index, 'kind')}
              required
              sx={{ width: { sm: 130 } }}
            >
              {STAGE_KINDS.map((kind) => (
                <MenuItem key={kind} value={kind}>
                  {t(`fieldManager.stageKinds.${kind}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {option.value && (
            <FormControlLabel
              control={
                <Switch
                  size="small"
                  checked={!option.hidden}
                  onChange={(e) => update({ ...option, hidden: !e.target.checked })}
                />
              }
              label={t('fieldManager.visible')}
            />
          )}
        </Stack>
      )}
    />
  );
}
