import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { type ReactNode, createContext, useCallback, useContext, useState } from 'react';

interface Notice {
  id: number;
  message: string;
  severity: 'success' | 'error' | 'info';
  action?: ReactNode;
}

const NotifyContext = createContext<(notice: Omit<Notice, 'id'>) => void>(() => undefined);

/** Short confirmations ("saved", "moved to the recycle bin") at the bottom of the screen, read by screen readers. */
export function Notifier({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback((next: Omit<Notice, 'id'>) => setNotice({ ...next, id: Date.now() }), []);
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <Snackbar
        key={notice?.id}
        open={Boolean(notice)}
        autoHideDuration={5000}
        onClose={(_, reason) => reason !== 'clickaway' && setNotice(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        {notice ? (
          <Alert severity={notice.severity} variant="filled" action={notice.action} onClose={() => setNotice(null)}>
            {notice.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </NotifyContext.Provider>
  );
}

export const useNotify = () => useContext(NotifyContext);
