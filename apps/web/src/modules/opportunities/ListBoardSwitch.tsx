import TableRowsIcon from '@mui/icons-material/TableRowsOutlined';
import ViewKanbanIcon from '@mui/icons-material/ViewKanbanOutlined';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';

/** The opportunities as a list or as the pipeline board. */
export function ListBoardSwitch() {
  const { t } = useTranslation();
  const board = useLocation().pathname.endsWith('/board');
  return (
    <ToggleButtonGroup size="small" value={board ? 'board' : 'list'} exclusive aria-label={t('sales.board.view')}>
      <ToggleButton value="list" component={RouterLink} to="/opportunities" aria-label={t('sales.board.asList')}>
        <TableRowsIcon fontSize="small" />
      </ToggleButton>
      <ToggleButton
        value="board"
        component={RouterLink}
        to="/opportunities/board"
        aria-label={t('sales.board.asBoard')}
      >
        <ViewKanbanIcon fontSize="small" />
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
