import AddIcon from '@mui/icons-material/Add';
import FilterListIcon from '@mui/icons-material/FilterList';
import SaveIcon from '@mui/icons-material/SaveOutlined';
import SearchIcon from '@mui/icons-material/Search';
import UploadIcon from '@mui/icons-material/UploadFile';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FilterNode, SavedList } from '@peyvand/shared';
import type { RowSelectionState } from '@tanstack/react-table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { isAdmin, useCurrentUser } from '../../auth/session';
import { canWriteModule } from '../../auth/writeAccess';
import { ExportMenu } from '../../exports/ExportMenu';
import { useLabel, useLocale } from '../../locale/LocaleProvider';
import { overridesOf } from '../../modules';
import { PageHeader } from '../PageHeader';
import { screenBelowAppBar } from '../screenBelowAppBar';
import { countConditions } from '../filter/filterDraft';
import { FilterDialog } from '../filter/FilterDialog';
import type { ModuleMeta } from '../metadata/types';
import { useRecordList } from '../records/useRecordList';
import { useDebouncedValue } from '../useDebouncedValue';
import { DeleteListButton } from '../saved-lists/DeleteListButton';
import { SaveListDialog } from '../saved-lists/SaveListDialog';
import { SavedListPicker } from '../saved-lists/SavedListPicker';
import { BulkActions } from './BulkActions';
import { ColumnChooser } from './ColumnChooser';
import { columnCandidates, resolveColumns } from './columns';
import { RecordTable } from './RecordTable';

interface Props {
  module: ModuleMeta;
  savedLists: SavedList[];
  initialList: SavedList | null;
  chosenColumns: string[] | undefined;
  saveColumns(columns: string[]): void;
}

/** Any module's list: custom list, quick search, filter builder, column chooser, bulk actions. */
export function ListView({ module, savedLists, initialList, chosenColumns, saveColumns }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [, setSearch] = useSearchParams();
  const [filter, setFilter] = useState<FilterNode | undefined>(initialList?.filter ?? undefined);
  const [sort, setSort] = useState<string | undefined>(initialList?.sort ?? undefined);
  const [columnNames, setColumnNames] = useState<string[] | undefined>(initialList?.columns ?? chosenColumns);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [dialog, setDialog] = useState<'filter' | 'save' | 'update' | null>(null);

  const columns = resolveColumns(module, columnNames);
  const list = useRecordList(module.name, { filter, sort, q: q || undefined });
  const { fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const conditions = countConditions(filter);
  const canWrite = canWriteModule(user, module);
  const { listActions: ListActions } = overridesOf(module.name);
  // As the server allows: the owner, or an administrator for a shared list.
  const canUpdateList =
    initialList !== null && (initialList.ownerId === user.id || (initialList.shared && isAdmin(user)));
  const definition = { filter: filter ?? null, columns: columns.map((c) => c.filterPath), sort: sort ?? null };
  const selectedIds = Object.keys(selection).filter((id) => selection[id]);

  const chooseList = (chosen: SavedList | null) => setSearch(chosen ? { list: chosen.id } : {});
  const changeColumns = (next: string[]) => {
    setColumnNames(next);
    saveColumns(next);
  };

  const empty =
    conditions > 0 || q ? (
      <>
        <Typography color="text.secondary">{t('list.noMatches')}</Typography>
        <Button
          onClick={() => {
            setFilter(undefined);
            setText('');
          }}
        >
          {t('filter.clear')}
        </Button>
      </>
    ) : (
      <>
        <Typography color="text.secondary" gutterBottom>
          {t('list.empty', { module: label(module.label.plural) })}
        </Typography>
        {canWrite && (
          <Button variant="contained" component={RouterLink} to={`/${module.name}/new`} startIcon={<AddIcon />}>
            {t('list.create', { module: label(module.label.singular) })}
          </Button>
        )}
      </>
    );

  return (
    <Box sx={screenBelowAppBar}>
      <PageHeader
        title={label(module.label.plural)}
        subtitle={initialList?.name}
        actions={
          <>
            {ListActions && <ListActions module={module} />}
            <ExportMenu module={module.name} view={{ filter, sort, q: q || undefined, columns: definition.columns }} />
            {canWrite && (
              <Button component={RouterLink} to={`/${module.name}/import`} startIcon={<UploadIcon />}>
                {t('imports.open')}
              </Button>
            )}
            {canWrite && module.findsDuplicates && (
              <Button component={RouterLink} to={`/${module.name}/duplicates`}>
                {t('duplicates.find')}
              </Button>
            )}
            {canWrite && (
              <Button variant="contained" component={RouterLink} to={`/${module.name}/new`} startIcon={<AddIcon />}>
                {t('list.create', { module: label(module.label.singular) })}
              </Button>
            )}
          </>
        }
      />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', px: { xs: 2, sm: 3 }, pb: 1.5 }}>
        <SavedListPicker lists={savedLists} value={initialList?.id ?? null} onChange={chooseList} />
        <TextField
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('list.searchIn', { module: label(module.label.plural) })}
          slotProps={{
            htmlInput: { 'aria-label': t('list.searchIn', { module: label(module.label.plural) }) },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
          sx={{ flex: '1 1 200px', maxWidth: 320 }}
        />
        <Badge badgeContent={conditions ? format.number(conditions) : 0} color="secondary">
          <Button
            variant={conditions ? 'contained' : 'outlined'}
            startIcon={<FilterListIcon />}
            onClick={() => setDialog('filter')}
          >
            {t('filter.button')}
          </Button>
        </Badge>
        <ColumnChooser
          candidates={columnCandidates(module)}
          chosen={columns.map((c) => c.filterPath)}
          onChange={changeColumns}
          onReset={() => changeColumns(module.listColumns)}
        />
        <Button startIcon={<SaveIcon />} onClick={() => setDialog(canUpdateList ? 'update' : 'save')}>
          {canUpdateList ? t('savedLists.update') : t('savedLists.saveAs')}
        </Button>
        {canUpdateList && <Button onClick={() => setDialog('save')}>{t('savedLists.saveAsNew')}</Button>}
        {canUpdateList && (
          <DeleteListButton module={module.name} list={initialList} onDeleted={() => chooseList(null)} />
        )}
        <Typography variant="body2" color="text.secondary" sx={{ ms: 'auto' }} aria-live="polite">
          {list.isSuccess &&
            t('list.loaded', { n: format.number(list.rows.length), more: list.hasNextPage ? '+' : '' })}
        </Typography>
      </Box>
      <Box sx={{ height: 4 }}>
        {list.isFetching && !list.isPending && <LinearProgress aria-label={t('common.loading')} />}
      </Box>
      {selectedIds.length > 0 && <BulkActions module={module} ids={selectedIds} onDone={() => setSelection({})} />}
      <RecordTable
        columns={columns}
        rows={list.rows}
        loading={list.isPending || list.isFetchingNextPage}
        hasMore={Boolean(list.hasNextPage)}
        loadMore={loadMore}
        sort={sort}
        onSortChange={setSort}
        selection={selection}
        onSelectionChange={setSelection}
        onOpen={(record) => void navigate(`/${module.name}/${record.id}`)}
        empty={list.isError ? <Typography color="error">{t('errors.loadFailed')}</Typography> : empty}
      />
      {dialog === 'filter' && (
        <FilterDialog module={module} filter={filter} onApply={setFilter} onClose={() => setDialog(null)} />
      )}
      {(dialog === 'save' || dialog === 'update') && (
        <SaveListDialog
          module={module.name}
          definition={definition}
          editing={dialog === 'update' ? (initialList ?? undefined) : undefined}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            chooseList(saved);
          }}
        />
      )}
    </Box>
  );
}
