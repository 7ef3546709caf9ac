import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { RelationDef } from '@peyvand/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { api, queryString } from '../../api/http';
import { useLabel } from '../../locale/LocaleProvider';
import { PageLoader } from '../../shell/PageLoader';
import { FieldValue } from '../display/FieldValue';
import { valueOf } from '../metadata/fields';
import type { ApiRecord, ModuleMeta, Page } from '../metadata/types';
import { useModule } from '../metadata/useModules';
import { LIST_PAGE } from '../records/limits';
import { resolveColumns } from '../table/columns';

/** Records of another module that point to this one: an organization's contacts, its branches. */
export function RelatedList({
  module,
  record,
  relation,
}: {
  module: ModuleMeta;
  record: ApiRecord;
  relation: RelationDef;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const { module: related } = useModule(relation.module);
  const pages = useInfiniteQuery({
    queryKey: ['records', relation.module, 'related', module.name, record.id, relation.name],
    queryFn: ({ pageParam }) =>
      api.get<Page<ApiRecord>>(
        `/${module.name}/${record.id}/related/${relation.name}${queryString({ limit: LIST_PAGE, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (!related || pages.isPending) return <PageLoader />;
  const rows = pages.data?.pages.flatMap((p) => p.data) ?? [];
  const columns = resolveColumns(related, undefined).slice(0, 5);
  const relatedField = related.fields.find((f) => f.name === relation.field);
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" alignItems="center" justifyContent="space-between">
        <Typography variant="subtitle1" component="h2" fontWeight={700}>
          {label(relation.label)}
        </Typography>
        {relatedField?.type === 'reference' && (
          <Button
            startIcon={<AddIcon />}
            component={RouterLink}
            to={`/${related.name}/new${queryString({ [relation.field]: record.id })}`}
          >
            {t('list.create', { module: label(related.label.singular) })}
          </Button>
        )}
      </Stack>
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t('record.noRelated')}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small">
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c.filterPath} sx={{ fontWeight: 700 }}>
                    {label(c.label)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow
                  key={row.id}
                  hover
                  tabIndex={0}
                  sx={{ cursor: 'pointer' }}
                  onClick={() => void navigate(`/${related.name}/${row.id}`)}
                  onKeyDown={(e) => e.key === 'Enter' && void navigate(`/${related.name}/${row.id}`)}
                >
                  {columns.map((c) => (
                    <TableCell key={c.filterPath}>
                      <FieldValue field={c} value={valueOf(row, c)} typed={row.typed?.[c.name]} compact />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {pages.hasNextPage && (
        <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          {t('list.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
