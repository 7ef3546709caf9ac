import NotificationsIcon from '@mui/icons-material/NotificationsOutlined';
import Badge from '@mui/material/Badge';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Popover from '@mui/material/Popover';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLocale } from '../../locale/LocaleProvider';
import { useNotify } from '../../shell/Notifier';
import { NotificationList } from './NotificationList';
import { type AppNotification, UNREAD_LIMIT, notificationKeys, notificationsApi } from './notificationsApi';
import { useNotificationStream } from './useNotificationStream';

/** The notification centre in the top bar: unread count, the latest ones, and a toast when one arrives. */
export function NotificationBell() {
  const { t } = useTranslation();
  const notify = useNotify();
  const { format } = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const unread = useQuery({ queryKey: notificationKeys.unread, queryFn: notificationsApi.unread });
  const recent = useQuery({
    queryKey: notificationKeys.recent,
    queryFn: notificationsApi.recent,
    enabled: Boolean(anchor),
  });
  const markRead = useMutation({
    mutationFn: (n: AppNotification) => notificationsApi.markRead(n.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
  const open = (n: AppNotification) => {
    setAnchor(null);
    if (!n.readAt) markRead.mutate(n);
    void navigate(`/${n.module}/${n.recordId}`);
  };
  useNotificationStream((n) =>
    notify({
      severity: 'info',
      message: n.title,
      action: (
        <Button color="inherit" size="small" onClick={() => open(n)}>
          {t('common.open')}
        </Button>
      ),
    }),
  );
  const count = unread.data?.data.length ?? 0;
  return (
    <>
      <IconButton
        color="inherit"
        aria-label={t('activities.notifications.bell', { n: format.digits(count) })}
        aria-haspopup="dialog"
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        <Badge badgeContent={count >= UNREAD_LIMIT ? `${UNREAD_LIMIT - 1}+` : count} color="error">
          <NotificationsIcon />
        </Badge>
      </IconButton>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': t('activities.notifications.title') } }}
      >
        <NotificationList
          notifications={recent.data?.data ?? []}
          onOpen={open}
          onMarkRead={(n) => markRead.mutate(n)}
        />
      </Popover>
    </>
  );
}
