import { createBrowserRouter } from 'react-router';
import { SessionGate } from '../auth/SessionGate';
import { HomeRedirect } from '../shell/HomeRedirect';
import { PageLoader } from '../shell/PageLoader';
import { RouteError } from '../shell/RouteError';

// Every screen but the shell loads on first visit, so the first paint carries only what it shows.
export const router = createBrowserRouter([
  {
    path: '/',
    element: <SessionGate />,
    errorElement: <RouteError />,
    HydrateFallback: PageLoader,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: 'recycle-bin',
        lazy: () => import('../recycle-bin/RecycleBinPage').then((m) => ({ Component: m.RecycleBinPage })),
      },
      { path: 'settings', lazy: () => import('../settings/SettingsPage').then((m) => ({ Component: m.SettingsPage })) },
      {
        path: 'settings/fields/:module',
        lazy: () => import('../settings/FieldManagerPage').then((m) => ({ Component: m.FieldManagerPage })),
      },
      { path: ':module', lazy: () => import('../core/table/ListPage').then((m) => ({ Component: m.ListPage })) },
      {
        path: ':module/new',
        lazy: () => import('../core/form/CreateRecordPage').then((m) => ({ Component: m.CreateRecordPage })),
      },
      {
        path: ':module/duplicates',
        lazy: () => import('../duplicates/DuplicatesPage').then((m) => ({ Component: m.DuplicatesPage })),
      },
      {
        path: ':module/merge',
        lazy: () => import('../duplicates/MergePage').then((m) => ({ Component: m.MergePage })),
      },
      {
        path: ':module/:id',
        lazy: () => import('../core/detail/RecordPage').then((m) => ({ Component: m.RecordPage })),
      },
    ],
  },
]);
