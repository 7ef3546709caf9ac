import Box from '@mui/material/Box';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../locale/LocaleProvider';
import { overridesOf } from '../../modules';
import { useNotify } from '../../shell/Notifier';
import { ModuleNotFound } from '../ModuleNotFound';
import { PageHeader } from '../PageHeader';
import { useModule } from '../metadata/useModules';
import { formFields } from './formFields';
import { RecordForm } from './RecordForm';

/** `/:module/new`: the full form of any module, in its blocks. */
export function CreateRecordPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const notify = useNotify();
  const navigate = useNavigate();
  const { module: name } = useParams();
  const [search] = useSearchParams();
  const { module, isPending } = useModule(name);
  if (!module) return <ModuleNotFound loading={isPending} />;
  const fields = formFields(module, 'full', true);
  // `?organizationId=…` when a contact is added from its organization's related list.
  const defaults = {
    ...overridesOf(module.name).newRecordDefaults,
    ...Object.fromEntries(
      fields
        .filter((f) => f.type === 'reference' && search.get(f.filterPath))
        .map((f) => [f.filterPath, search.get(f.filterPath)]),
    ),
  };
  return (
    <>
      <PageHeader title={t('form.newRecord', { module: label(module.label.singular) })} />
      <Box sx={{ px: { xs: 2, sm: 3 }, pb: 3, maxWidth: 1100 }}>
        <RecordForm
          module={module}
          fields={fields}
          defaults={defaults}
          grouped
          onSaved={(record) => {
            notify({ severity: 'success', message: t('form.saved') });
            void navigate(`/${module.name}/${record.id}`, { replace: true });
          }}
          onCancel={() => void navigate(-1)}
        />
      </Box>
    </>
  );
}
