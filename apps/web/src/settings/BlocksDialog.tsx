import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
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
          itemName={(block) => block.label.fa}
          renderItem={(block, update) => (
            <Stack direction="row" spacing={1}>
              <LabelFields value={block.label} onChange={(label) => update({ ...block, label })} />
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
