import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../core/PageHeader';
import { screenBelowAppBar } from '../../../core/screenBelowAppBar';
import { JalaliMonthPicker } from '../../../core/form/inputs/JalaliMonthPicker';
import { ReferencePicker } from '../../../core/form/inputs/ReferenceInput';
import type { ApiRecord } from '../../../core/metadata/types';
import { useModule } from '../../../core/metadata/useModules';
import { useLocale } from '../../../locale/LocaleProvider';
import { PageLoader } from '../../../shell/PageLoader';
import { ListBoardSwitch } from '../ListBoardSwitch';
import { CloseReasonDialog } from './CloseReasonDialog';
import { CardContent } from './OpportunityCard';
import { type BoardFilter, type PipelineStage, boardKeys, pipelineApi } from './pipelineApi';
import { StageColumn } from './StageColumn';
import { useBoardAnnouncements } from './useBoardAnnouncements';
import { type Move, useMoveOpportunity } from './useMoveOpportunity';

/** `/opportunities/board`: the pipeline as a kanban board, one column per sales stage in the funnel's order. */
export function PipelineBoardPage() {
  const { t } = useTranslation();
  const { format } = useLocale();
  const { module } = useModule('opportunities');
  const [filter, setFilter] = useState<BoardFilter>({ ownerId: null, closeMonth: null });
  const [dragged, setDragged] = useState<ApiRecord | null>(null);
  const [asking, setAsking] = useState<(Move & { outcome: 'won' | 'lost' }) | null>(null);
  const pipeline = useQuery({ queryKey: boardKeys.pipeline(filter), queryFn: () => pipelineApi.read(filter) });
  const move = useMoveOpportunity();
  const accessibility = useBoardAnnouncements();
  // A small movement before a drag starts, so a click on a card's name still opens it.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const reasonField = module?.fields.find((f) => f.name === 'closeReason' && !f.hidden && !f.readOnly);

  const drop = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const { card, from } = active.data.current as { card: ApiRecord; from: string | null };
    const target = (over?.data.current as { column: PipelineStage } | undefined)?.column;
    if (!target?.stage || target.stage === from) return;
    const next: Move = { card, stage: target.stage };
    if (reasonField && (target.kind === 'won' || target.kind === 'lost')) setAsking({ ...next, outcome: target.kind });
    else move.mutate(next);
  };

  const totals = pipeline.data;
  return (
    <Box sx={screenBelowAppBar}>
      <PageHeader
        title={t('sales.board.title')}
        subtitle={
          totals &&
          t('sales.board.summary', {
            number: format.number(totals.totals.count),
            amount: format.amount(totals.totals.amount),
            forecast: format.amount(totals.open.weightedAmount),
          })
        }
        actions={<ListBoardSwitch />}
      />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center', px: { xs: 2, sm: 3 }, pb: 1.5 }}>
        <Box sx={{ width: 240 }}>
          <ReferencePicker
            target="users"
            label={t('sales.board.owner')}
            value={filter.ownerId}
            onChange={(ownerId) => setFilter((f) => ({ ...f, ownerId }))}
          />
        </Box>
        <JalaliMonthPicker
          label={t('sales.board.closeMonth')}
          value={filter.closeMonth}
          onChange={(closeMonth) => setFilter((f) => ({ ...f, closeMonth }))}
          clearable
        />
      </Box>
      {pipeline.isError && (
        <Alert severity="error" sx={{ mx: 3 }}>
          {t('errors.loadFailed')}
        </Alert>
      )}
      {!totals ? (
        !pipeline.isError && <PageLoader />
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={pointerWithin}
          accessibility={accessibility}
          onDragStart={({ active }) => setDragged((active.data.current as { card: ApiRecord }).card)}
          onDragCancel={() => setDragged(null)}
          onDragEnd={drop}
        >
          <Box
            role="list"
            aria-label={t('sales.board.title')}
            sx={{ display: 'flex', gap: 1.5, overflowX: 'auto', flex: 1, minHeight: 0, px: { xs: 2, sm: 3 }, pb: 2 }}
          >
            {totals.stages.map((column) => (
              <Box role="listitem" key={column.stage ?? ''} sx={{ display: 'flex', minHeight: 0 }}>
                <StageColumn
                  column={column}
                  filter={filter}
                  movingId={move.isPending ? move.variables.card.id : null}
                />
              </Box>
            ))}
          </Box>
          {/* No fly-back animation: the card is at once where the saved stage puts it, and the next drag can start. */}
          <DragOverlay dropAnimation={null}>
            {dragged && (
              <Paper elevation={6} sx={{ p: 1.5, width: 256, cursor: 'grabbing' }}>
                <CardContent card={dragged} />
              </Paper>
            )}
          </DragOverlay>
        </DndContext>
      )}
      {asking && reasonField && (
        <CloseReasonDialog
          field={reasonField}
          outcome={asking.outcome}
          dealName={String(asking.card.name ?? asking.card.number)}
          onCancel={() => setAsking(null)}
          onConfirm={(closeReason) => {
            move.mutate({ ...asking, closeReason });
            setAsking(null);
          }}
        />
      )}
    </Box>
  );
}
