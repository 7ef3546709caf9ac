import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { ApiError } from '../api/problem';

/** A screen that failed to load or render: what happened, and a way to try again. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <Container maxWidth="sm" sx={{ py: 6 }}>
      <Alert
        severity={notFound ? 'info' : 'error'}
        action={
          <Button color="inherit" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </Button>
        }
      >
        {notFound ? t('errors.notFound') : t('errors.unexpected')}
      </Alert>
    </Container>
  );
}
