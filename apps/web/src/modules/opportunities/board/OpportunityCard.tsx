import { useDraggable } from '@dnd-kit/core';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { ReferenceTitle } from '../../../core/display/ReferenceTitle';
import type { ApiRecord } from '../../../core/metadata/types';
import { useLocale } from '../../../locale/LocaleProvider';

/** What a card shows: the deal's name (a link to it), its organization, amount and expected close date. */
export function CardContent({ card }: { card: ApiRecord }) {
  const { format } = useLocale();
  return (
    <Stack spacing={0.5}>
      <Link component={RouterLink} to={`/opportunities/${card.id}`} fontWeight={700} underline="hover">
        {String(card.name ?? card.number)}
      </Link>
      {typeof card.organizationId === 'string' && (
        <Typography variant="body2" color="text.secondary" noWrap>
          <ReferenceTitle module="organizations" id={card.organizationId} link={false} />
        </Typography>
      )}
      <Stack direction="row" justifyContent="space-between" spacing={1}>
        <Typography variant="body2">{typeof card.amount === 'number' ? format.amount(card.amount) : '—'}</Typography>
        {typeof card.expectedCloseDate === 'string' && (
          <Typography variant="body2" color="text.secondary">
            {format.date(card.expectedCloseDate)}
          </Typography>
        )}
      </Stack>
    </Stack>
  );
}

/** A deal on the board, dragged by any part of it to another stage's column. */
export function OpportunityCard({ card, stage, moving }: { card: ApiRecord; stage: string | null; moving: boolean }) {
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: card.id,
    data: { card, from: stage },
    disabled: moving,
  });
  return (
    <Paper
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      variant="outlined"
      data-card-id={card.id}
      sx={{ p: 1.5, cursor: 'grab', touchAction: 'none', opacity: isDragging || moving ? 0.4 : 1 }}
    >
      <CardContent card={card} />
    </Paper>
  );
}
