import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../locale/LocaleProvider';
import { isWide } from '../form/layout';
import { fieldsByBlock } from '../metadata/fields';
import { InlineField } from './InlineField';
import type { RecordPartProps } from './recordPartProps';
import { useCanEditRecord } from './useCanEditRecord';

/** The record's fields in the layout's blocks, each editable in place. */
export function RecordDetails({ module, record, onReload }: RecordPartProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const canWrite = useCanEditRecord(module, record);
  const fields = module.fields.filter((f) => !f.hidden && !f.writeOnly);
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {fieldsByBlock(module, fields).map(({ block, fields: blockFields }) => (
        <Paper
          key={block?.name ?? ''}
          variant="outlined"
          component="section"
          sx={{ p: { xs: 2, sm: 3 } }}
          aria-label={block ? label(block.label) : t('record.otherBlock')}
        >
          <Typography variant="subtitle1" component="h2" fontWeight={700} sx={{ mb: 1.5 }}>
            {block ? label(block.label) : t('record.otherBlock')}
          </Typography>
          <Box
            component="dl"
            sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 4, rowGap: 0.5, m: 0 }}
          >
            {blockFields.map((field) => (
              <Box key={field.filterPath} sx={{ gridColumn: isWide(field) ? '1 / -1' : undefined, minWidth: 0 }}>
                <InlineField
                  module={module}
                  record={record}
                  field={field}
                  editable={canWrite && !field.readOnly}
                  onReload={onReload}
                />
              </Box>
            ))}
          </Box>
        </Paper>
      ))}
    </Box>
  );
}
