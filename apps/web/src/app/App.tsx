import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { Notifier } from '../shell/Notifier';
import { LocaleProvider } from '../locale/LocaleProvider';
import { DirectionRoot } from './DirectionRoot';
import { queryClient } from './queryClient';
import { router } from './router';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <DirectionRoot>
          <Notifier>
            <RouterProvider router={router} />
          </Notifier>
        </DirectionRoot>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
