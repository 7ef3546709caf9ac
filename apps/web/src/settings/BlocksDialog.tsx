import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import type { BlockDef } from '@peyvand/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorOf } from '../api/fieldErrors';
import { ListEditor } from '../core/form/inputs/ListEditor';
import type { ModuleMeta } from '../core/metadata/types';
import { LabelFields } from './LabelFields';
import { useMetadataMutations } from './metadataApi';

/** The order and names of a module's blocks; a new block gets a name from its position. */
export function BlocksDialog({ module, onClose }: { module: ModuleMeta; onClose(): void }) {
  const { t } = useTranslation();
  const { saveBlocks } = useMetadataMutations(module.name);
  const [blocks, setBlocks] = useState<BlockDef[]>(module.blocks);
  const move = (index: number, by: -1 | 1) => {
    const next = [...blocks];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    setBlocks(next);
  };
  const save = () =>
    saveBlocks.mutate(
      blocks
        .filter((b) => b.label.fa.trim())
        .map((b) => ({ ...b, label: { fa: b.label.fa.trim(), en: b.label.en.trim() || b.label.fa.trim() } })),
      { onSuccess: onClose },
    );
  const error = formErrorOf(saveBlocks.error, t('errors.unexpected'));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="blocks-title">
      <DialogTitle id="blocks-title">{t('fieldManager.arrangeBlocks')}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <ListEditor
          label={t('fieldManager.blocks')}
          items={blocks}
          onChange={setBlocks}
          newItem={() => ({ name: `block${Date.now().toString(36)}`, label: { fa: '', en: '' } })}
          renderItem={(block, update, index) => (
            <Stack direction="row" spacing={1} alignItems="center">
              <LabelFields value={block.label} onChange={(label) => update({ ...block, label })} />
              <IconButton
                size="small"
                aria-label={t('fieldManager.moveUp', { field: block.label.fa })}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                <ArrowUpwardIcon fontSize="small" />
              </IconButton>
              <IconButton
                size="small"
                aria-label={t('fieldManager.moveDown', { field: block.label.fa })}
                disabled={index === blocks.length - 1}
                onClick={() => move(index, 1)}
              >
                <ArrowDownwardIcon fontSize="small" />
              </IconButton>
            </Stack>
          )}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={save} loading={saveBlocks.isPending}>
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
