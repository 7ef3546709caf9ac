import CircleIcon from '@mui/icons-material/Circle';
import DoneIcon from '@mui/icons-material/Done';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../locale/LocaleProvider';
import type { AppNotification } from './notificationsApi';

interface Props {
  notifications: AppNotification[];
  onOpen(notification: AppNotification): void;
  onMarkRead(notification: AppNotification): void;
}

/** The latest notifications, unread ones marked; opening one goes to its record. */
export function NotificationList({ notifications, onOpen, onMarkRead }: Props) {
  const { t } = useTranslation();
  const { format } = useLocale();
  if (notifications.length === 0)
    return (
      <Typography color="text.secondary" sx={{ p: 2 }}>
        {t('activities.notifications.empty')}
      </Typography>
    );
  return (
    <List dense aria-label={t('activities.notifications.title')} sx={{ width: 360, maxWidth: '100vw' }}>
      {notifications.map((n) => (
        <ListItem
          key={n.id}
          disablePadding
          secondaryAction={
            !n.readAt && (
              <IconButton edge="end" aria-label={t('activities.notifications.markRead')} onClick={() => onMarkRead(n)}>
                <DoneIcon fontSize="small" />
              </IconButton>
            )
          }
        >
          <ListItemButton onClick={() => onOpen(n)}>
            {!n.readAt && (
              <CircleIcon
                color="primary"
                sx={{ fontSize: 10, me: 1 }}
                aria-label={t('activities.notifications.unread')}
              />
            )}
            <ListItemText
              primary={n.title}
              secondary={`${format.dateTime(n.createdAt)}${n.late ? ` · ${t('activities.notifications.late')}` : ''}`}
              slotProps={{ primary: { fontWeight: n.readAt ? 400 : 700 } }}
            />
          </ListItemButton>
        </ListItem>
      ))}
    </List>
  );
}
