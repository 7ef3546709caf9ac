import { useDroppable } from '@dnd-kit/core';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { recordsApi } from '../../../core/records/recordsApi';
import { useLabel, useLocale } from '../../../locale/LocaleProvider';
import { OpportunityCard } from './OpportunityCard';
import { type BoardFilter, type PipelineStage, boardKeys, cardConditions } from './pipelineApi';

/** Cards a column shows at most; its header still counts and sums them all. */
const CARDS_PER_COLUMN = 100;

interface Props {
  column: PipelineStage;
  filter: BoardFilter;
  /** The card whose move is being saved. */
  movingId: string | null;
}

/** One stage: its totals and forecast on top, its deals below, soonest to close first. */
export function StageColumn({ column, filter, movingId }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { format } = useLocale();
  // Deals without a stage, or in one that no longer exists, are shown but nothing is moved there.
  const known = column.stage !== null && column.label !== null;
  const title = column.label ? label(column.label) : (column.stage ?? t('sales.board.noStage'));
  const { setNodeRef, isOver } = useDroppable({ id: column.stage ?? '', data: { column, title }, disabled: !known });
  const cards = useQuery({
    queryKey: boardKeys.cards(filter, column.stage),
    queryFn: () =>
      recordsApi.query('opportunities', {
        filter: { and: cardConditions(filter, column.stage) },
        sort: 'expectedCloseDate',
        limit: CARDS_PER_COLUMN,
      }),
  });
  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-label={title}
      data-stage={column.stage ?? ''}
      variant="outlined"
      sx={{
        flex: '0 0 272px',
        display: 'flex',
        flexDirection: 'column',
        bgcolor: isOver ? 'action.hover' : 'background.default',
        borderColor: isOver ? 'primary.main' : 'divider',
        maxHeight: '100%',
      }}
    >
      <Box sx={{ p: 1.5, borderBottom: 1, borderColor: 'divider' }}>
        <Stack direction="row" justifyContent="space-between" alignItems="baseline">
          <Typography component="h2" fontWeight={700} noWrap>
            {title}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {column.probability !== null && format.percent(column.probability)}
          </Typography>
        </Stack>
        <Typography variant="body2" data-testid="column-total">
          {t('sales.board.columnTotal', { number: format.number(column.count), amount: format.amount(column.amount) })}
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="column-forecast">
          {t('sales.board.forecast', { amount: format.amount(column.weightedAmount) })}
        </Typography>
      </Box>
      <Stack spacing={1} sx={{ p: 1, overflowY: 'auto', flex: 1, minHeight: 80 }}>
        {cards.isPending
          ? [1, 2].map((i) => <Skeleton key={i} variant="rounded" height={72} />)
          : cards.data?.data.map((card) => (
              <OpportunityCard key={card.id} card={card} stage={column.stage} moving={card.id === movingId} />
            ))}
        {cards.data && column.count > cards.data.data.length && (
          <Typography variant="caption" color="text.secondary" sx={{ px: 1 }}>
            {t('sales.board.more', { number: format.number(column.count - cards.data.data.length) })}
          </Typography>
        )}
      </Stack>
    </Paper>
  );
}
