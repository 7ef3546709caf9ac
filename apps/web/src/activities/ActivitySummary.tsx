import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { FieldValue } from '../core/display/FieldValue';
import type { ApiRecord } from '../core/metadata/types';
import { useModule } from '../core/metadata/useModules';
import { useLocale } from '../locale/LocaleProvider';
import { ActivityTypeIcon } from './ActivityTypeIcon';

/** An activity in one line: its type, subject (linked), when it happens and its status. */
export function ActivitySummary({ activity, at }: { activity: ApiRecord; at?: string }) {
  const { format } = useLocale();
  const { module } = useModule('activities');
  const status = module?.fields.find((f) => f.name === 'status');
  const when = at ?? ((activity.startsAt ?? activity.dueAt) as string | null | undefined);
  return (
    <Stack direction="row" spacing={1} alignItems="center" sx={{ minWidth: 0 }}>
      <ActivityTypeIcon activityType={activity.type} fontSize="small" color="action" />
      <Link
        component={RouterLink}
        to={`/activities/${activity.id}`}
        sx={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      >
        {String(activity.subject ?? activity.number)}
      </Link>
      {when && (
        <Typography variant="body2" color="text.secondary" sx={{ flexShrink: 0 }}>
          {format.dateTime(when)}
        </Typography>
      )}
      {status && activity.status !== null && activity.status !== undefined && (
        <Typography variant="body2" color="text.secondary" sx={{ flexShrink: 0 }}>
          <FieldValue field={status} value={activity.status} compact />
        </Typography>
      )}
    </Stack>
  );
}
