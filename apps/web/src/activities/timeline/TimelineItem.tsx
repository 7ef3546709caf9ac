import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ReferenceTitle } from '../../core/display/ReferenceTitle';
import { HistoryChanges } from '../../core/detail/HistoryChanges';
import type { ModuleMeta } from '../../core/metadata/types';
import { useLocale } from '../../locale/LocaleProvider';
import { ActivitySummary } from '../ActivitySummary';
import { NoteItem } from './NoteItem';
import type { TimelineEntry } from './timelineApi';

/** One entry of a record's timeline: a note, an activity, or a save that changed fields. */
export function TimelineItem({
  module,
  entry,
  onChanged,
}: {
  module: ModuleMeta;
  entry: TimelineEntry;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { format } = useLocale();
  const who = entry.change ? entry.change.changedBy : (entry.record?.createdBy ?? null);
  const what = entry.change ? t(`history.${entry.change.action}`) : t(`activities.timeline.kind.${entry.kind}`);
  return (
    <Paper component="li" variant="outlined" sx={{ p: 2 }} data-kind={entry.kind}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {format.dateTime(entry.at)} · {what}
        {who && (
          <>
            {' · '}
            <ReferenceTitle module="users" id={who} />
          </>
        )}
      </Typography>
      {entry.kind === 'note' && entry.record && <NoteItem note={entry.record} onChanged={onChanged} />}
      {entry.kind === 'activity' && entry.record && <ActivitySummary activity={entry.record} />}
      {entry.change && <HistoryChanges module={module} changes={entry.change.changes} />}
    </Paper>
  );
}
