import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../shell/PageLoader';

/** While metadata loads, a spinner; after, a clear word that the module named in the address does not exist. */
export function ModuleNotFound({ loading }: { loading: boolean }) {
  const { t } = useTranslation();
  if (loading) return <PageLoader />;
  return (
    <Alert severity="info" sx={{ m: 3 }}>
      {t('errors.noSuchModule')}
    </Alert>
  );
}
