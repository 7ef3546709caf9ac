import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useLabel } from '../locale/LocaleProvider';
import { ModuleNotFound } from '../core/ModuleNotFound';
import { PageHeader } from '../core/PageHeader';
import { recordTitle } from '../core/metadata/fields';
import { useModule } from '../core/metadata/useModules';
import { duplicatesApi } from './duplicatesApi';

/** `/:module/duplicates`: groups of likely duplicates, each a click away from being merged. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { module: name } = useParams();
  const { module, isPending } = useModule(name);
  const groups = useInfiniteQuery({
    queryKey: ['records', name, 'duplicates'],
    queryFn: ({ pageParam }) => duplicatesApi.groups(name!, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: Boolean(module),
  });
  if (!module) return <ModuleNotFound loading={isPending} />;
  const all = groups.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <>
      <PageHeader title={t('duplicates.title', { module: label(module.label.plural) })} />
      <Stack spacing={2} sx={{ px: { xs: 2, sm: 3 }, pb: 3, maxWidth: 900 }}>
        {groups.isSuccess && all.length === 0 && <Typography>{t('duplicates.none')}</Typography>}
        {all.map((group) => (
          <Paper
            key={`${group.key}/${group.value}/${group.records.map((r) => r.id).join()}`}
            variant="outlined"
            component="section"
            aria-label={t('duplicates.group')}
            sx={{ p: 2 }}
          >
            <Typography variant="subtitle2" component="h2" sx={{ mb: 1 }}>
              {t(`duplicates.reasons.${group.key}`)}: <bdi>{group.value}</bdi>
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {group.records.map((record) => (
                <li key={record.id}>
                  <Link component={RouterLink} to={`/${module.name}/${record.id}`}>
                    {recordTitle(module, record) || record.number}
                  </Link>{' '}
                  <bdi>{record.number}</bdi>
                </li>
              ))}
            </Box>
            <Button
              sx={{ mt: 1 }}
              variant="outlined"
              component={RouterLink}
              to={`/${module.name}/merge?ids=${group.records.map((r) => r.id).join(',')}`}
            >
              {t('duplicates.merge')}
            </Button>
          </Paper>
        ))}
        {groups.hasNextPage && (
          <Button onClick={() => void groups.fetchNextPage()} loading={groups.isFetchingNextPage}>
            {t('duplicates.more')}
          </Button>
        )}
      </Stack>
    </>
  );
}
