import { api } from '../../api/http';
import type { Page } from '../../core/metadata/types';

/** A notification as the API sends it (notification-schema.ts). */
export interface AppNotification {
  id: string;
  kind: 'reminder' | 'mention';
  title: string;
  module: string;
  recordId: string;
  createdAt: string;
  readAt: string | null;
  occursAt: string | null;
  late: boolean;
}

/** How many unread ones the bell counts before it says «99+». */
export const UNREAD_LIMIT = 100;

export const notificationKeys = {
  all: ['notifications'] as const,
  recent: ['notifications', 'recent'] as const,
  unread: ['notifications', 'unread'] as const,
};

export const notificationsApi = {
  recent: () => api.get<Page<AppNotification>>('/notifications?limit=20'),
  unread: () => api.get<Page<AppNotification>>(`/notifications?unread=true&limit=${UNREAD_LIMIT}`),
  markRead: (id: string) => api.post<AppNotification>(`/notifications/${id}/read`),
};
