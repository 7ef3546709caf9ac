import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';

/**
 * A failed upload's problem as the server worded it: its field errors one per line (those a step
 * shows beside its own inputs left out), else its detail.
 */
export function ProblemAlert({ error, shownElsewhere = [] }: { error: unknown; shownElsewhere?: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!(error instanceof ApiError)) return <Alert severity="error">{t('errors.unexpected')}</Alert>;
  const fieldErrors = error.fieldErrors.filter((e) => !shownElsewhere.includes(e.field));
  if (error.fieldErrors.length > 0 && fieldErrors.length === 0) return null;
  return (
    <Alert severity="error" role="alert">
      {fieldErrors.length > 0
        ? fieldErrors.map((e) => <div key={`${e.field}:${e.code}`}>{e.message}</div>)
        : (error.problem.detail ?? t('errors.unexpected'))}
    </Alert>
  );
}
