import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../api/http';
import { useLabel, useLocale } from '../../locale/LocaleProvider';
import { PageLoader } from '../../shell/PageLoader';
import { FieldValue } from '../display/FieldValue';
import { ReferenceTitle } from '../display/ReferenceTitle';
import { fieldByPath } from '../metadata/fields';
import type { ModuleMeta, Page } from '../metadata/types';

interface HistoryEntry {
  id: string;
  version: number;
  action: 'created' | 'updated' | 'deleted' | 'restored';
  changedAt: string;
  changedBy: string | null;
  changes: { field: string; from: unknown; to: unknown }[];
}

/** Who changed what and when, newest first. */
export function HistoryPanel({ module, id }: { module: ModuleMeta; id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  const history = useInfiniteQuery({
    queryKey: ['records', module.name, 'history', id],
    queryFn: ({ pageParam }) =>
      api.get<Page<HistoryEntry>>(`/${module.name}/${id}/history${queryString({ cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (history.isPending) return <PageLoader />;
  const entries = history.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Stack spacing={1.5} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {entries.map((entry) => (
        <Paper key={entry.id} component="li" variant="outlined" sx={{ p: 2 }}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: entry.changes.length ? 1 : 0 }}>
            {format.dateTime(entry.changedAt)} · {t(`history.${entry.action}`)}
            {entry.changedBy && (
              <>
                {' · '}
                <ReferenceTitle module="users" id={entry.changedBy} />
              </>
            )}
          </Typography>
          <Stack spacing={0.5}>
            {entry.changes.map((change) => {
              // A merge's entry names the records merged into this one (modules/merges on the server).
              if (change.field === 'mergedRecords')
                return (
                  <Typography key={change.field} variant="body2" component="div">
                    {t('duplicates.historyMerged', { numbers: (change.to as string[]).join('، ') })}
                  </Typography>
                );
              const field = fieldByPath(module, change.field);
              if (!field) return null;
              return (
                <Typography key={change.field} variant="body2" component="div">
                  <strong>{label(field.label)}</strong>: <FieldValue field={field} value={change.from} compact />{' '}
                  {t('history.arrow')} <FieldValue field={field} value={change.to} compact />
                </Typography>
              );
            })}
          </Stack>
        </Paper>
      ))}
      {history.hasNextPage && (
        <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
          {t('list.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
