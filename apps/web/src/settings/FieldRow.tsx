import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import EditIcon from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '../core/metadata/types';
import { useLabel } from '../locale/LocaleProvider';
import type { FieldChanges } from './metadataApi';

interface Props {
  field: FieldMeta;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove(by: -1 | 1): void;
  onChange(changes: FieldChanges): void;
  onEdit(): void;
  onDelete(): void;
}

/** One field in the field manager: visibility, quick create, order, edit, delete (custom fields). */
export function FieldRow({ field, first, last, busy, onMove, onChange, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [confirming, setConfirming] = useState(false);
  const name = label(field.label);
  return (
    <Box
      component="li"
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: 1,
        py: 1,
        borderBottom: 1,
        borderColor: 'divider',
        opacity: field.hidden ? 0.6 : 1,
      }}
    >
      <Box sx={{ flex: '1 1 220px', minWidth: 0 }}>
        <Typography fontWeight={600}>{name}</Typography>
        <Typography variant="caption" color="text.secondary">
          <bdi dir="ltr">{field.filterPath}</bdi> · {t(`fieldTypes.${field.type}`)}
        </Typography>
        {field.custom && <Chip size="small" label={t('fieldManager.custom')} sx={{ ms: 1 }} />}
        {field.required && <Chip size="small" variant="outlined" label={t('fieldManager.required')} sx={{ ms: 1 }} />}
      </Box>
      <FormControlLabel
        control={
          <Switch
            size="small"
            checked={!field.hidden}
            disabled={busy || field.required}
            onChange={(e) => onChange({ hidden: !e.target.checked })}
          />
        }
        label={t('fieldManager.visible')}
      />
      <FormControlLabel
        control={
          <Switch
            size="small"
            checked={Boolean(field.quickCreate)}
            disabled={busy}
            onChange={(e) => onChange({ quickCreate: e.target.checked })}
          />
        }
        label={t('fieldManager.quickCreate')}
      />
      <IconButton
        size="small"
        aria-label={t('fieldManager.moveUp', { field: name })}
        disabled={busy || first}
        onClick={() => onMove(-1)}
      >
        <ArrowUpwardIcon fontSize="small" />
      </IconButton>
      <IconButton
        size="small"
        aria-label={t('fieldManager.moveDown', { field: name })}
        disabled={busy || last}
        onClick={() => onMove(1)}
      >
        <ArrowDownwardIcon fontSize="small" />
      </IconButton>
      <IconButton size="small" aria-label={t('fieldManager.editField', { field: name })} onClick={onEdit}>
        <EditIcon fontSize="small" />
      </IconButton>
      {field.custom &&
        (confirming ? (
          <Chip
            color="error"
            label={t('fieldManager.confirmDelete')}
            onClick={onDelete}
            onDelete={() => setConfirming(false)}
          />
        ) : (
          <IconButton
            size="small"
            aria-label={t('fieldManager.deleteField', { field: name })}
            onClick={() => setConfirming(true)}
          >
            <DeleteOutlineIcon fontSize="small" />
          </IconButton>
        ))}
    </Box>
  );
}
