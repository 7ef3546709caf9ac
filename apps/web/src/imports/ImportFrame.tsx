import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../core/PageHeader';
import type { ModuleMeta } from '../core/metadata/types';
import { useLabel, useLocale } from '../locale/LocaleProvider';

const STEPS = ['upload', 'mapping', 'preview', 'run'] as const;

/**
 * An import's screens: the title, where the user is (the wizard's three steps, then the run on a
 * page of its own) and the step's content.
 */
export function ImportFrame({ module, active, children }: { module: ModuleMeta; active: number; children: ReactNode }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  return (
    <Box sx={{ pb: 4 }}>
      <PageHeader title={t('imports.title', { module: label(module.label.plural) })} />
      <Stepper activeStep={active} alternativeLabel sx={{ px: { xs: 1, sm: 3 }, pb: 2 }}>
        {STEPS.map((s, i) => (
          <Step key={s}>
            <StepLabel icon={format.number(i + 1)}>{t(`imports.steps.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Box sx={{ px: { xs: 2, sm: 3 } }}>{children}</Box>
    </Box>
  );
}
