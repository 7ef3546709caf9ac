import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<T> {
  label: string;
  items: T[];
  onChange(items: T[]): void;
  newItem(): T;
  renderItem(item: T, update: (item: T) => void, index: number): ReactNode;
  disabled?: boolean;
  /** Shown under the rows, e.g. the "same as main address" switch. */
  footer?: ReactNode;
  /** Given, the rows are ordered (blocks, sales stages) and move up and down; it names a row for its buttons. */
  itemName?(item: T): string;
}

/** Rows of one kind (phones, e-mails, social accounts, addresses, blocks) that can be added and removed. */
export function ListEditor<T>({ label, items, onChange, newItem, renderItem, disabled, footer, itemName }: Props<T>) {
  const { t } = useTranslation();
  const rows = items.length > 0 ? items : [newItem()];
  const update = (index: number, item: T) => onChange(rows.map((current, i) => (i === index ? item : current)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    onChange(next);
  };
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <FormLabel component="legend" sx={{ mb: 1, fontSize: 14 }}>
        {label}
      </FormLabel>
      <Stack spacing={1.5}>
        {rows.map((item, index) => (
          <Stack key={index} direction="row" spacing={1} alignItems="flex-start">
            <Box sx={{ flex: 1, minWidth: 0 }}>{renderItem(item, (next) => update(index, next), index)}</Box>
            {itemName && (
              <>
                <IconButton
                  aria-label={t('form.moveUp', { item: itemName(item) })}
                  onClick={() => move(index, -1)}
                  disabled={disabled || index === 0}
                  size="small"
                  sx={{ mt: 0.5 }}
                >
                  <ArrowUpwardIcon fontSize="small" />
                </IconButton>
                <IconButton
                  aria-label={t('form.moveDown', { item: itemName(item) })}
                  onClick={() => move(index, 1)}
                  disabled={disabled || index === rows.length - 1}
                  size="small"
                  sx={{ mt: 0.5 }}
                >
                  <ArrowDownwardIcon fontSize="small" />
                </IconButton>
              </>
            )}
            <IconButton
              aria-label={t('form.removeRow', { label })}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
              disabled={disabled || (rows.length === 1 && items.length === 0)}
              size="small"
              sx={{ mt: 0.5 }}
            >
              <DeleteOutlineIcon fontSize="small" />
            </IconButton>
          </Stack>
        ))}
      </Stack>
      <Button
        size="small"
        startIcon={<AddIcon />}
        onClick={() => onChange([...rows, newItem()])}
        disabled={disabled}
        sx={{ mt: 1 }}
      >
        {t('form.addRow')}
      </Button>
      {footer}
    </Box>
  );
}
