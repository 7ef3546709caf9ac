import { modules as declaredModules } from '@peyvand/shared';
import type { RouteSpec } from '../../core/http/route.js';
import { calendarRoutes } from '../calendar/calendar.routes.js';
import { notificationRoutes } from '../notifications/notifications.routes.js';
import { timelineRoute } from '../timeline/timeline.routes.js';

/** Everything issue 5 adds beside the generic record routes of notes and activities. */
export const activityRoutes: RouteSpec[] = [
  ...declaredModules.map(timelineRoute),
  ...notificationRoutes,
  ...calendarRoutes,
];
