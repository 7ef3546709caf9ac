import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../locale/LocaleProvider';

const STEPS = ['upload', 'mapping', 'preview', 'run'] as const;

/** Where the user is in an import: the wizard's three steps, then the run on a page of its own. */
export function ImportSteps({ active }: { active: number }) {
  const { t } = useTranslation();
  const { format } = useLocale();
  return (
    <Stepper activeStep={active} alternativeLabel sx={{ px: { xs: 1, sm: 3 }, pb: 2 }}>
      {STEPS.map((s, i) => (
        <Step key={s}>
          <StepLabel icon={format.number(i + 1)}>{t(`imports.steps.${s}`)}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}
