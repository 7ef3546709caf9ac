import { useParams } from 'react-router';
import { ModuleNotFound } from '../core/ModuleNotFound';
import { useModule } from '../core/metadata/useModules';
import { ImportFrame } from './ImportFrame';
import { ImportProgress } from './ImportProgress';

/**
 * `/:module/imports/:importId`: one import's progress, then its result, error report and undo.
 * A page of its own, so a reload or a link from the recent imports finds it again.
 */
export function ImportStatusPage() {
  const { module: name, importId } = useParams();
  const { module, isPending } = useModule(name);
  if (!module || !importId) return <ModuleNotFound loading={isPending} />;
  return (
    <ImportFrame module={module} active={3}>
      <ImportProgress module={module} importId={importId} />
    </ImportFrame>
  );
}
