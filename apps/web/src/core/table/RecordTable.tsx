import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import {
  type ColumnDef,
  type RowSelectionState,
  flexRender,
  getCoreRowModel,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../locale/LocaleProvider';
import { FieldValue } from '../display/FieldValue';
import { valueOf } from '../metadata/fields';
import type { ApiRecord, FieldMeta } from '../metadata/types';
import { columnWidth } from './columns';
import { nextSort, sortDirection } from './sortState';

const ROW_HEIGHT = 44;
const SELECT_WIDTH = 52;

interface Props {
  columns: FieldMeta[];
  rows: ApiRecord[];
  loading: boolean;
  hasMore: boolean;
  loadMore(): void;
  sort: string | undefined;
  onSortChange(sort: string | undefined): void;
  selection: RowSelectionState;
  onSelectionChange(selection: RowSelectionState): void;
  onOpen(record: ApiRecord): void;
  /** Shown in place of rows when there are none. */
  empty: ReactNode;
}

/**
 * A module's records: columns from metadata, sortable headers, check boxes for bulk actions.
 * Only the rows in view are rendered, and the next page loads as the end comes near, so a
 * list of 100,000 contacts scrolls like one of fifty.
 */
export function RecordTable(props: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { columns, rows, loading, hasMore, loadMore, sort, onSortChange, selection, onSelectionChange, onOpen } = props;
  const scrollRef = useRef<HTMLDivElement>(null);

  const columnDefs = useMemo<ColumnDef<ApiRecord>[]>(
    () => [
      {
        id: 'select',
        size: SELECT_WIDTH,
        header: ({ table }) => (
          <Checkbox
            size="small"
            checked={table.getIsAllRowsSelected()}
            indeterminate={table.getIsSomeRowsSelected()}
            onChange={table.getToggleAllRowsSelectedHandler()}
            slotProps={{ input: { 'aria-label': t('list.selectAll') } }}
          />
        ),
        cell: ({ row }) => (
          <Checkbox
            size="small"
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
            onClick={(e) => e.stopPropagation()}
            slotProps={{ input: { 'aria-label': t('list.selectRow', { number: row.original.number }) } }}
          />
        ),
      },
      ...columns.map((field): ColumnDef<ApiRecord> => ({
        id: field.filterPath,
        size: columnWidth(field),
        header: label(field.label),
        cell: ({ row }) => (
          <FieldValue
            field={field}
            value={valueOf(row.original, field)}
            typed={row.original.typed?.[field.name]}
            compact
          />
        ),
      })),
    ],
    [columns, label, t],
  );

  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (record) => record.id,
    state: { rowSelection: selection },
    onRowSelectionChange: (updater) => onSelectionChange(typeof updater === 'function' ? updater(selection) : updater),
    enableRowSelection: true,
    manualSorting: true,
  });
  const tableRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loading && lastIndex >= tableRows.length - 15) loadMore();
  }, [hasMore, loading, lastIndex, tableRows.length, loadMore]);

  const width = columns.reduce((sum, f) => sum + columnWidth(f), SELECT_WIDTH);
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items.at(-1)!.end : 0;
  const openOnEnter = (event: KeyboardEvent, record: ApiRecord) => {
    if (event.key === 'Enter') onOpen(record);
  };

  return (
    <TableContainer ref={scrollRef} sx={{ flex: 1, minHeight: 0, overflow: 'auto', bgcolor: 'background.paper' }}>
      <Table
        stickyHeader
        size="small"
        sx={{ tableLayout: 'fixed', width, minWidth: '100%' }}
        aria-rowcount={rows.length}
      >
        <TableHead>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id}>
              {group.headers.map((header) => {
                const field = columns.find((f) => f.filterPath === header.id);
                const direction = sortDirection(sort, header.id);
                return (
                  <TableCell
                    key={header.id}
                    sx={{ width: header.getSize(), fontWeight: 700, bgcolor: 'grey.50' }}
                    sortDirection={direction ?? false}
                  >
                    {field?.sortable ? (
                      <TableSortLabel
                        active={Boolean(direction)}
                        direction={direction ?? 'asc'}
                        onClick={() => onSortChange(nextSort(sort, header.id))}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                      </TableSortLabel>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableHead>
        <TableBody>
          {paddingTop > 0 && <TableRow aria-hidden style={{ height: paddingTop }} />}
          {items.map((item) => {
            const row = tableRows[item.index]!;
            return (
              <TableRow
                key={row.id}
                hover
                selected={row.getIsSelected()}
                tabIndex={0}
                onClick={() => onOpen(row.original)}
                onKeyDown={(e) => openOnEnter(e, row.original)}
                sx={{ height: ROW_HEIGHT, cursor: 'pointer' }}
                data-record-id={row.id}
              >
                {row.getVisibleCells().map((cell) => (
                  <TableCell key={cell.id} sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
          {paddingBottom > 0 && <TableRow aria-hidden style={{ height: paddingBottom }} />}
          {loading &&
            Array.from({ length: rows.length === 0 ? 8 : 2 }, (_, i) => (
              <TableRow key={`loading-${i}`} sx={{ height: ROW_HEIGHT }} aria-hidden>
                <TableCell colSpan={columns.length + 1}>
                  <Skeleton variant="text" />
                </TableCell>
              </TableRow>
            ))}
        </TableBody>
      </Table>
      {!loading && rows.length === 0 && <Box sx={{ p: 4, textAlign: 'center' }}>{props.empty}</Box>}
    </TableContainer>
  );
}
