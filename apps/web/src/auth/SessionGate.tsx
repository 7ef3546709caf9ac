import { Outlet } from 'react-router';
import { AppShell } from '../shell/AppShell';
import { PageLoader } from '../shell/PageLoader';
import { SignInPage } from './SignInPage';
import { useSession } from './session';

/** Everything under `/` needs a session; without one the sign-in page takes the place of the screen asked for. */
export function SessionGate() {
  const { data: session, isPending } = useSession();
  if (isPending) return <PageLoader />;
  if (!session) return <SignInPage />;
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}
