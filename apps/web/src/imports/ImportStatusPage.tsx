import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ModuleNotFound } from '../core/ModuleNotFound';
import { PageHeader } from '../core/PageHeader';
import { useModule } from '../core/metadata/useModules';
import { useLabel } from '../locale/LocaleProvider';
import { ImportProgress } from './ImportProgress';
import { ImportSteps } from './ImportSteps';

/**
 * `/:module/imports/:importId`: one import's progress, then its result, error report and undo.
 * A page of its own, so a reload or a link from the recent imports finds it again.
 */
export function ImportStatusPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { module: name, importId } = useParams();
  const { module, isPending } = useModule(name);
  if (!module || !importId) return <ModuleNotFound loading={isPending} />;
  return (
    <Box sx={{ pb: 4 }}>
      <PageHeader title={t('imports.title', { module: label(module.label.plural) })} />
      <ImportSteps active={3} />
      <Box sx={{ px: { xs: 2, sm: 3 } }}>
        <ImportProgress module={module} importId={importId} />
      </Box>
    </Box>
  );
}
