import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorOf } from '../../api/fieldErrors';
import { recordTitle } from '../../core/metadata/fields';
import type { ApiRecord, ModuleMeta } from '../../core/metadata/types';
import { recordsApi } from '../../core/records/recordsApi';
import { PageLoader } from '../../shell/PageLoader';
import { NoteComposer } from './NoteComposer';
import { QuickActivityButtons } from './QuickActivityButtons';
import { TIMELINE_KINDS, type TimelineKind, timelineKey } from './timelineApi';
import { TimelineItem } from './TimelineItem';
import { useTimeline } from './useTimeline';

/** A record's notes, activities and changes, newest first, with a note composer and quick activities on top. */
export function TimelinePanel({ module, record }: { module: ModuleMeta; record: ApiRecord }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kinds, setKinds] = useState<TimelineKind[]>([...TIMELINE_KINDS]);
  const timeline = useTimeline(module.name, record.id, kinds);
  // The composer is keyed by the count of notes written, so a saved note leaves an empty one.
  const [written, setWritten] = useState(0);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: timelineKey(module.name, record.id) });
  const addNote = useMutation({
    mutationFn: (note: { body: string; mentions: string[] }) =>
      recordsApi.create('notes', { ...note, links: [{ module: module.name, id: record.id }] }),
    onSuccess: () => {
      setWritten((n) => n + 1);
      refresh();
    },
  });
  const entries = timeline.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <NoteComposer
          key={written}
          submitLabel={t('activities.notes.add')}
          saving={addNote.isPending}
          error={formErrorOf(addNote.error, t('errors.unexpected'))}
          onSubmit={(body, mentions) => addNote.mutate({ body, mentions })}
        />
      </Paper>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} justifyContent="space-between">
        <QuickActivityButtons
          module={module.name}
          id={record.id}
          title={recordTitle(module, record) || record.number}
          onSaved={refresh}
        />
        <ToggleButtonGroup
          size="small"
          value={kinds}
          onChange={(_, next: TimelineKind[]) => next.length > 0 && setKinds(next)}
          aria-label={t('activities.timeline.filter')}
        >
          {TIMELINE_KINDS.map((kind) => (
            <ToggleButton key={kind} value={kind}>
              {t(`activities.timeline.kinds.${kind}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      {timeline.isPending ? (
        <PageLoader />
      ) : (
        <Stack
          spacing={1.5}
          component="ol"
          aria-label={t('activities.timeline.title')}
          sx={{ listStyle: 'none', p: 0, m: 0 }}
        >
          {entries.map((entry) => (
            <TimelineItem key={`${entry.kind}-${entry.id}`} module={module} entry={entry} onChanged={refresh} />
          ))}
        </Stack>
      )}
      {!timeline.isPending && entries.length === 0 && (
        <Typography color="text.secondary">{t('activities.timeline.empty')}</Typography>
      )}
      {timeline.hasNextPage && (
        <Button onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
          {t('list.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
