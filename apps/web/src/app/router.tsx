import { createBrowserRouter } from 'react-router';
import { SessionGate } from '../auth/SessionGate';
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
      {
        index: true,
        lazy: () => import('../activities/dashboard/DashboardPage').then((m) => ({ Component: m.DashboardPage })),
      },
      {
        path: 'recycle-bin',
        lazy: () => import('../recycle-bin/RecycleBinPage').then((m) => ({ Component: m.RecycleBinPage })),
      },
      {
        path: 'calendar',
        lazy: () => import('../activities/calendar/CalendarPage').then((m) => ({ Component: m.CalendarPage })),
      },
      { path: 'settings', lazy: () => import('../settings/SettingsPage').then((m) => ({ Component: m.SettingsPage })) },
      {
        path: 'settings/fields/:module',
        lazy: () => import('../settings/FieldManagerPage').then((m) => ({ Component: m.FieldManagerPage })),
      },
      {
        path: 'opportunities/board',
        lazy: () =>
          import('../modules/opportunities/board/PipelineBoardPage').then((m) => ({ Component: m.PipelineBoardPage })),
      },
      {
        path: 'sales-reports',
        lazy: () => import('../sales-reports/SalesReportsPage').then((m) => ({ Component: m.SalesReportsPage })),
      },
      {
        path: 'settings/lead-conversion',
        lazy: () =>
          import('../modules/leads/settings/ConversionMappingPage').then((m) => ({
            Component: m.ConversionMappingPage,
          })),
      },
      {
        path: 'settings/lead-assignment',
        lazy: () =>
          import('../modules/leads/settings/AssignmentRulePage').then((m) => ({ Component: m.AssignmentRulePage })),
      },
      { path: ':module', lazy: () => import('../core/table/ListPage').then((m) => ({ Component: m.ListPage })) },
      {
        path: ':module/new',
        lazy: () => import('../core/form/CreateRecordPage').then((m) => ({ Component: m.CreateRecordPage })),
      },
      {
        path: ':module/import',
        lazy: () => import('../imports/ImportPage').then((m) => ({ Component: m.ImportPage })),
      },
      {
        path: ':module/imports/:importId',
        lazy: () => import('../imports/ImportStatusPage').then((m) => ({ Component: m.ImportStatusPage })),
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
