import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/http';

const FEED_KEY = ['calendar-feed'] as const;

/** My secret iCalendar URL for phone and desktop calendars: shown, copied, or replaced by a new one. */
export function FeedDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const feed = useQuery({ queryKey: FEED_KEY, queryFn: () => api.get<{ url: string }>('/me/calendar-feed') });
  const rotate = useMutation({
    mutationFn: () => api.post<{ url: string }>('/me/calendar-feed/rotate'),
    onSuccess: (next) => {
      queryClient.setQueryData(FEED_KEY, next);
      setNotice(t('activities.feed.rotated'));
    },
  });
  const copy = async () => {
    if (!feed.data) return;
    await navigator.clipboard.writeText(feed.data.url);
    setNotice(t('activities.feed.copied'));
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="feed-title">
      <DialogTitle id="feed-title">{t('activities.feed.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('activities.feed.intro')}</DialogContentText>
        <TextField
          label={t('activities.feed.url')}
          value={feed.data?.url ?? ''}
          fullWidth
          slotProps={{ htmlInput: { readOnly: true, dir: 'ltr' } }}
          onFocus={(e) => e.target.select()}
        />
        {notice && (
          <Alert severity="success" sx={{ mt: 2 }}>
            {notice}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button color="warning" onClick={() => rotate.mutate()} loading={rotate.isPending}>
          {t('activities.feed.rotate')}
        </Button>
        <Button onClick={() => void copy()} disabled={!feed.data}>
          {t('activities.feed.copy')}
        </Button>
        <Button variant="contained" onClick={onClose}>
          {t('activities.feed.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
