import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ModuleNotFound } from '../core/ModuleNotFound';
import { useModule } from '../core/metadata/useModules';
import type { ImportMapping, ImportPreview, ImportRequest } from './importsApi';
import { ImportFrame } from './ImportFrame';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { RecentImports } from './RecentImports';
import { UploadStep } from './UploadStep';

/** What the earlier steps settled: the file and how to read it, then how its columns map. */
export interface WizardDraft {
  request: ImportRequest;
  preview: ImportPreview;
}

/**
 * `/:module/import`: upload → mapping → preview, one screen per step, with the recent imports
 * under the upload; the run then has its own page (ImportStatusPage).
 */
export function ImportPage() {
  const navigate = useNavigate();
  const { module: name } = useParams();
  const { module, isPending } = useModule(name);
  const [draft, setDraft] = useState<WizardDraft | null>(null);
  const [step, setStep] = useState(0);
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
    <ImportFrame module={module} active={step}>
      {step === 0 && (
        <Stack spacing={4}>
          <UploadStep module={module} onUploaded={uploaded} />
          <RecentImports module={module} />
        </Stack>
      )}
      {step === 1 && draft && (
        <MappingStep
          // Another sheet has other columns: the step starts again from its automatic mapping.
          key={draft.preview.sheet ?? ''}
          draft={draft}
          onBack={() => setStep(0)}
          onSheetChosen={uploaded}
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
          onStarted={(id) => navigate(`/${module.name}/imports/${id}`)}
        />
      )}
    </ImportFrame>
  );
}
