import ViewColumnIcon from '@mui/icons-material/ViewColumnOutlined';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import Popover from '@mui/material/Popover';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../locale/LocaleProvider';
import type { FieldMeta } from '../metadata/types';

interface Props {
  candidates: FieldMeta[];
  chosen: string[];
  onChange(columns: string[]): void;
  onReset(): void;
}

/** Which fields are columns. New columns are added at the end, in the order they are ticked. */
export function ColumnChooser({ candidates, chosen, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const toggle = (path: string, on: boolean) => {
    const next = on ? [...chosen, path] : chosen.filter((c) => c !== path);
    if (next.length > 0) onChange(next);
  };
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<ViewColumnIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="dialog"
        aria-expanded={Boolean(anchor)}
      >
        {t('list.columns')}
      </Button>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        slotProps={{
          paper: { sx: { p: 2, maxHeight: 420, width: 280 }, role: 'dialog', 'aria-label': t('list.columns') },
        }}
      >
        <Stack>
          {candidates.map((field) => (
            <FormControlLabel
              key={field.filterPath}
              control={
                <Checkbox
                  size="small"
                  checked={chosen.includes(field.filterPath)}
                  onChange={(e) => toggle(field.filterPath, e.target.checked)}
                />
              }
              label={label(field.label)}
            />
          ))}
          <Divider sx={{ my: 1 }} />
          <Button size="small" onClick={onReset}>
            {t('list.resetColumns')}
          </Button>
        </Stack>
      </Popover>
    </>
  );
}
