import AddIcon from '@mui/icons-material/Add';
import ViewAgendaIcon from '@mui/icons-material/ViewAgendaOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { formErrorOf } from '../api/fieldErrors';
import { ModuleNotFound } from '../core/ModuleNotFound';
import { PageHeader } from '../core/PageHeader';
import { fieldsByBlock } from '../core/metadata/fields';
import type { FieldMeta } from '../core/metadata/types';
import { useModule } from '../core/metadata/useModules';
import { useLabel } from '../locale/LocaleProvider';
import { AdminOnly } from './AdminOnly';
import { BlocksDialog } from './BlocksDialog';
import { FieldDialog } from './FieldDialog';
import { FieldRow } from './FieldRow';
import { useMetadataMutations } from './metadataApi';

/**
 * `/settings/fields/:module`: add, edit, hide and reorder fields, edit picklists, arrange blocks,
 * pick quick-create fields. `?field=NAME` opens that field's dialog (the sales settings link
 * straight to the stages, statuses and sources).
 */
export function FieldManagerPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { module: name } = useParams();
  const { module, isPending } = useModule(name);
  const mutations = useMetadataMutations(name ?? '');
  const [params, setParams] = useSearchParams();
  const [chosen, setDialog] = useState<{ kind: 'field'; field?: FieldMeta } | { kind: 'blocks' } | null>(null);
  if (!module) return <ModuleNotFound loading={isPending} />;
  const linked = module.fields.find((f) => f.name === params.get('field'));
  const dialog = chosen ?? (linked ? { kind: 'field' as const, field: linked } : null);
  const close = () => {
    setDialog(null);
    if (linked) setParams({}, { replace: true });
  };
  const fields = module.fields.filter((f) => !f.writeOnly);
  const error = [mutations.changeField.error, mutations.changeFields.error, mutations.deleteField.error].find(Boolean);

  /** Swaps a field with its neighbour in the same block. */
  const move = (blockFields: FieldMeta[], index: number, by: -1 | 1) => {
    const a = blockFields[index]!;
    const b = blockFields[index + by];
    if (!b) return;
    mutations.changeFields.mutate([
      { name: a.name, changes: { position: b.position ?? 0 } },
      { name: b.name, changes: { position: a.position ?? 0 } },
    ]);
  };

  return (
    <AdminOnly>
      <PageHeader
        title={t('fieldManager.title', { module: label(module.label.plural) })}
        subtitle={t('fieldManager.subtitle')}
        actions={
          <>
            <Button startIcon={<ViewAgendaIcon />} variant="outlined" onClick={() => setDialog({ kind: 'blocks' })}>
              {t('fieldManager.arrangeBlocks')}
            </Button>
            <Button startIcon={<AddIcon />} variant="contained" onClick={() => setDialog({ kind: 'field' })}>
              {t('fieldManager.addField')}
            </Button>
          </>
        }
      />
      <Box sx={{ px: { xs: 2, sm: 3 }, pb: 3, display: 'grid', gap: 2, maxWidth: 1100 }}>
        {error && <Alert severity="error">{formErrorOf(error, t('errors.unexpected'))}</Alert>}
        {fieldsByBlock(module, fields).map(({ block, fields: blockFields }) => (
          <Paper key={block?.name ?? ''} variant="outlined" component="section" sx={{ p: 2 }}>
            <Typography variant="subtitle1" component="h2" fontWeight={700} sx={{ mb: 1 }}>
              {block ? label(block.label) : t('record.otherBlock')}
            </Typography>
            <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
              {blockFields.map((field, index) => (
                <FieldRow
                  key={field.name}
                  field={field}
                  first={index === 0}
                  last={index === blockFields.length - 1}
                  busy={mutations.changeField.isPending || mutations.changeFields.isPending}
                  onMove={(by) => move(blockFields, index, by)}
                  onChange={(changes) => mutations.changeField.mutate({ name: field.name, changes })}
                  onEdit={() => setDialog({ kind: 'field', field })}
                  onDelete={() => mutations.deleteField.mutate(field.name)}
                />
              ))}
            </Box>
          </Paper>
        ))}
      </Box>
      {dialog?.kind === 'field' && <FieldDialog module={module} field={dialog.field} onClose={close} />}
      {dialog?.kind === 'blocks' && <BlocksDialog module={module} onClose={close} />}
    </AdminOnly>
  );
}
