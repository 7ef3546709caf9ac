import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ModuleNotFound } from '../core/ModuleNotFound';
import { PageHeader } from '../core/PageHeader';
import { useModule } from '../core/metadata/useModules';
import { useLabel, useLocale } from '../locale/LocaleProvider';
import type { ImportMapping, ImportPreview, ImportRequest } from './importsApi';
import { ImportProgress } from './ImportProgress';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { UploadStep } from './UploadStep';

const STEPS = ['upload', 'mapping', 'preview', 'run'] as const;

/** What the earlier steps settled: the file and how to read it, then how its columns map. */
export interface WizardDraft {
  request: ImportRequest;
  preview: ImportPreview;
}

/** `/:module/import`: upload → mapping → preview → run, one screen per step. */
export function ImportPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  const { module: name } = useParams();
  const { module, isPending } = useModule(name);
  const [draft, setDraft] = useState<WizardDraft | null>(null);
  const [step, setStep] = useState(0);
  const [importId, setImportId] = useState<string | null>(null);
  if (!module) return <ModuleNotFound loading={isPending} />;

  const uploaded = (next: WizardDraft) => {
    // The server's automatic mapping, with every other column shown as "don't import".
    const mapping: ImportMapping = Object.fromEntries(
      next.preview.columns.map((c) => [c, next.preview.mapping[c] ?? null]),
    );
    setDraft({ ...next, request: { ...next.request, mapping } });
    setStep(1);
  };

  return (
    <Box sx={{ pb: 4 }}>
      <PageHeader title={t('imports.title', { module: label(module.label.plural) })} />
      <Stepper activeStep={step} alternativeLabel sx={{ px: { xs: 1, sm: 3 }, pb: 2 }}>
        {STEPS.map((s, i) => (
          <Step key={s}>
            <StepLabel icon={format.number(i + 1)}>{t(`imports.steps.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <Box sx={{ px: { xs: 2, sm: 3 } }}>
        {step === 0 && <UploadStep module={module} onUploaded={uploaded} />}
        {step === 1 && draft && (
          <MappingStep
            draft={draft}
            onBack={() => setStep(0)}
            onPreviewed={(next) => {
              setDraft(next);
              setStep(2);
            }}
          />
        )}
        {step === 2 && draft && (
          <PreviewStep
            module={module}
            draft={draft}
            onBack={() => setStep(1)}
            onStarted={(id) => {
              setImportId(id);
              setStep(3);
            }}
          />
        )}
        {step === 3 && importId && <ImportProgress module={module} importId={importId} />}
      </Box>
    </Box>
  );
}
