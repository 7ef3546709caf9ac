import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../locale/LocaleProvider';
import { FieldValue } from '../display/FieldValue';
import { fieldByPath } from '../metadata/fields';
import type { ModuleMeta } from '../metadata/types';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** The fields one save changed, each «field: before → after». */
export function HistoryChanges({ module, changes }: { module: ModuleMeta; changes: FieldChange[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Stack spacing={0.5}>
      {changes.map((change) => {
        // A merge's entry names the records merged into this one (modules/merges on the server).
        if (change.field === 'mergedRecords')
          return (
            <Typography key={change.field} variant="body2" component="div">
              {t('duplicates.historyMerged', { numbers: (change.to as string[]).join('، ') })}
            </Typography>
          );
        const field = fieldByPath(module, change.field);
        if (!field) return null;
        return (
          <Typography key={change.field} variant="body2" component="div">
            <strong>{label(field.label)}</strong>: <FieldValue field={field} value={change.from} compact />{' '}
            {t('history.arrow')} <FieldValue field={field} value={change.to} compact />
          </Typography>
        );
      })}
    </Stack>
  );
}
