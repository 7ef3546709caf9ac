import { Navigate } from 'react-router';
import { useModules } from '../core/metadata/useModules';
import { PageLoader } from './PageLoader';

/** `/` opens the first module of the navigation. */
export function HomeRedirect() {
  const { data: modules } = useModules();
  if (!modules) return <PageLoader />;
  const first = modules.find((m) => m.group !== 'admin') ?? modules[0];
  return first ? <Navigate to={`/${first.name}`} replace /> : null;
}
