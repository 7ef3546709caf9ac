import Alert from '@mui/material/Alert';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isAdmin, useCurrentUser } from '../auth/session';

/** Settings are for administrators; the server refuses others anyway, this says so up front. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!isAdmin(user)) {
    return (
      <Alert severity="info" sx={{ m: 3 }}>
        {t('settings.adminsOnly')}
      </Alert>
    );
  }
  return children;
}
