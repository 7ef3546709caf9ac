import AddIcCallIcon from '@mui/icons-material/AddIcCall';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormValues } from '../../core/form/formValues';
import { ActivityDialog } from '../ActivityDialog';

interface Props {
  module: string;
  id: string;
  title: string;
  onSaved(): void;
}

/**
 * Seed 004's routine from the record itself: log the call just made, and set the follow-up
 * call with a reminder, both linked to this record.
 */
export function QuickActivityButtons({ module, id, title, onSaved }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ title: string; defaults: FormValues } | null>(null);
  const links = [{ module, id }];
  const logCall = () =>
    setOpen({
      title: t('activities.quick.logCall'),
      defaults: {
        type: 'call',
        status: 'held',
        subject: t('activities.quick.callSubject', { title }),
        startsAt: new Date().toISOString(),
        links,
      },
    });
  const followUp = () =>
    setOpen({
      title: t('activities.quick.followUp'),
      defaults: {
        type: 'call',
        status: 'planned',
        subject: t('activities.quick.followUpSubject', { title }),
        links,
        reminders: [{ minutesBefore: '15', channels: ['inApp', 'email'] }],
      },
    });
  return (
    <>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        <Button variant="outlined" startIcon={<AddIcCallIcon />} onClick={logCall}>
          {t('activities.quick.logCall')}
        </Button>
        <Button variant="outlined" startIcon={<EventRepeatIcon />} onClick={followUp}>
          {t('activities.quick.followUp')}
        </Button>
      </Stack>
      {open && <ActivityDialog {...open} onClose={() => setOpen(null)} onSaved={onSaved} />}
    </>
  );
}
