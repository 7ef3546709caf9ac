import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { type AppNotification, notificationKeys } from './notificationsApi';

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Listens to the server's notification stream while the app is open. The browser reconnects by
 * itself after a dropped connection (sending Last-Event-ID, so nothing is missed); when it gives up
 * (the server was down and answered with an error) a new connection is opened after a pause.
 */
export function useNotificationStream(onNotification: (notification: AppNotification) => void): void {
  const queryClient = useQueryClient();
  const handler = useRef(onNotification);
  useEffect(() => {
    handler.current = onNotification;
  });
  useEffect(() => {
    let source: EventSource | null = null;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      source = new EventSource('/api/v1/notifications/stream', { withCredentials: true });
      source.addEventListener('open', () => {
        attempt = 0;
        // Whatever arrived while disconnected shows in the list and the count.
        void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      });
      source.addEventListener('notification', (event) => {
        const notification = JSON.parse((event as MessageEvent<string>).data) as AppNotification;
        void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
        handler.current(notification);
      });
      source.addEventListener('error', () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        timer = setTimeout(connect, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
      });
    };
    connect();
    return () => {
      clearTimeout(timer);
      source?.close();
    };
  }, [queryClient]);
}
