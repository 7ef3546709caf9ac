import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';

/** A wizard step's foot: back to the previous step, and the step's own action, busy while it runs. */
export function StepButtons({
  onBack,
  action,
  pending,
  onAction,
}: {
  onBack(): void;
  action: string;
  pending: boolean;
  onAction(): void;
}) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', gap: 1 }}>
      <Button onClick={onBack}>{t('imports.back')}</Button>
      <Button variant="contained" loading={pending} onClick={onAction}>
        {action}
      </Button>
    </Box>
  );
}
