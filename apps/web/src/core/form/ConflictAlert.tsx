import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';

/** A 409: someone saved the record after it was opened. Nothing was changed; reloading shows their version. */
export function ConflictAlert({ onReload }: { onReload(): void }) {
  const { t } = useTranslation();
  return (
    <Alert
      severity="warning"
      role="alert"
      action={
        <Button color="inherit" size="small" onClick={onReload} sx={{ whiteSpace: 'nowrap' }}>
          {t('common.reload')}
        </Button>
      }
    >
      <AlertTitle>{t('form.conflictTitle')}</AlertTitle>
      {t('form.conflictBody')}
    </Alert>
  );
}
